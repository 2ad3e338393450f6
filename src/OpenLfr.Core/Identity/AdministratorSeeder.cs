using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace OpenLfr.Core.Identity;

/// <summary>
/// First run: creates the roles and, when no administrator exists, the <c>admin</c> user. The password
/// comes from <c>OPENLFR_ADMIN_PASSWORD</c> or is generated and returned once for the host to print;
/// it is not stored anywhere but as Identity's password hash.
/// </summary>
public sealed class AdministratorSeeder(UserManager<LfrUser> users, RoleManager<IdentityRole<Guid>> roles)
{
    public const string PasswordVariable = "OPENLFR_ADMIN_PASSWORD";
    public const string AdminUserName = "admin";

    /// <returns>The generated password when one was generated; null otherwise.</returns>
    public async Task<string?> SeedAsync(string? configuredPassword)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() }), $"create role {role}");
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0) return null;
        if (await users.Users.AnyAsync(u => u.UserName == AdminUserName))
            throw new InvalidOperationException($"A user '{AdminUserName}' exists but no one is an Administrator; fix the database by hand.");

        var generated = string.IsNullOrEmpty(configuredPassword);
        var password = generated ? Generate() : configuredPassword!;
        var admin = new LfrUser { Id = Guid.NewGuid(), UserName = AdminUserName, DisplayName = "Administrator", LockoutEnabled = true };
        Check(await users.CreateAsync(admin, password), $"create the administrator (is {PasswordVariable} long and varied enough?)");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator), "give the administrator its role");
        return generated ? password : null;
    }

    private static string Generate()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        // Guarantee every class the password policy asks for.
        return new string(chars) + "-7aQ";
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
