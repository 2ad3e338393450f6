using OpenLfr.Server.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenLfr.Core;
using OpenLfr.Core.Errors;

namespace OpenLfr.Server.OperatorConsole;

/// <summary>What every console page shares: the signed-in actor, and domain refusals shown as form errors.</summary>
public abstract class ConsolePageModel : PageModel
{
    protected Actor Actor => User.ToActor();

    /// <summary>Field (or "") to messages from the last refused action, shown at the top of the form.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs a domain action; a <see cref="DomainException"/> becomes form errors instead of an error page.</summary>
    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainException e)
        {
            if (e.Errors.Count > 0)
                foreach (var (field, messages) in e.Errors) Errors[field] = messages;
            else
                Errors[""] = [e.Message];
            return false;
        }
    }
}
