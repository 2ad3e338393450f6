using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;
using OpenLfr.Server.OperatorConsole;

namespace OpenLfr.Server.Pages;

/// <summary>Cookie sign-in with lockout; successes and failures are audited like the API's sign-in.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<LfrUser> signIn, UserManager<LfrUser> users, LfrDbContext db, AuditLog audit) : ConsolePageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Errors[""] = ["Enter your user name and password."];
            return Page();
        }
        var name = UserName.Trim();
        var user = await users.FindByNameAsync(name);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        var actor = new Actor(user?.Id, name.Length > 200 ? name[..200] : name);
        if (result.Succeeded)
        {
            await audit.CommitAsync(db, actor, new AuditEvent("auth.login", "user", user!.Id.ToString(), new { via = "console" }), ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await audit.CommitAsync(db, actor, new AuditEvent(result.IsLockedOut ? "auth.locked-out" : "auth.login-failed", "user", user?.Id.ToString() ?? "unknown", new { via = "console" }), ct);
        Errors[""] = [result.IsLockedOut ? "Too many failed sign-ins: the account is locked for 15 minutes." : "Unknown user name or wrong password."];
        return Page();
    }
}
