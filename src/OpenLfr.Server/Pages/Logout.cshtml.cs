using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenLfr.Core.Identity;
using OpenLfr.Server.OperatorConsole;

namespace OpenLfr.Server.Pages;

public sealed class LogoutModel(SignInManager<LfrUser> signIn) : ConsolePageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(ConsoleServiceCollectionExtensions.LoginPath);
    }
}
