using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Server.OperatorConsole;

namespace OpenLfr.Server.Pages;

/// <summary>The start page sends each person where their job is: the public to the figures, operators to the console.</summary>
[AllowAnonymous]
public sealed class HomeModel : ConsolePageModel
{
    public IActionResult OnGet() => Redirect(
        User.Identity?.IsAuthenticated != true ? "/transparency"
        : User.Allows(ConsolePolicies.ViewAlerts) ? "/console"
        : "/deployments");
}
