using System.Security.Claims;
using OpenLfr.Core;

namespace OpenLfr.Server.OperatorConsole;

public static class ConsoleActor
{
    /// <summary>The signed-in user as the domain's <see cref="Actor"/> (Identity's name-identifier claim is the user id).</summary>
    public static Actor ToConsoleActor(this ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var g) ? g : (Guid?)null;
        return new Actor(id, user.Identity?.Name ?? "unknown");
    }
}
