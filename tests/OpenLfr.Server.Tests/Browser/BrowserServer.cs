using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Identity;
using OpenLfr.Server.Hosting;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// The real server on Kestrel at a free loopback port with a temp SQLite database, the users of the
/// scenario (one per role), and Debian's chromium driven headless by Playwright. One per test class.
/// This one stands test doubles in for the face pipeline and the cameras; <see cref="LiveBrowserServer"/> runs the real ones.
/// </summary>
public class BrowserServer : IAsyncLifetime
{
    public const string Password = "Browser-Test-Pass-1!";
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "openlfr-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private IPlaywright? _playwright;

    public WebApplication App { get; private set; } = null!;
    public TestCameraFeed Cameras { get; } = new();

    /// <summary>The server's data directory ($OPENLFR_DATA), where `lfr evaluate --json` output is looked for.</summary>
    public string DataDirectory => _directory;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Why the browser tests cannot run here (no chromium), or null.</summary>
    public static string? Unavailable => File.Exists(ChromiumPath) ? null : $"{ChromiumPath} is missing: run scripts/setup --tests (installs Debian's chromium).";

    public static string ScreenshotDirectory { get; } = Path.Combine(OpenLfr.Testing.SharedData.RepoRoot, ".test-results", "screenshots");

    /// <summary>False when the tests using this fixture will skip anyway (nothing is started then).</summary>
    protected virtual bool Wanted => true;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        if (Unavailable is not null || !Wanted) return;
        Directory.CreateDirectory(_directory);
        Directory.CreateDirectory(ScreenshotDirectory);
        App = LfrServerHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--db=Data Source={Path.Combine(_directory, "openlfr.db")}",
            $"--OPENLFR_DATA={_directory}",
            $"--DataKey:Key={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            $"--Admin:Password={Password}",
            "--Logging:LogLevel:Default=Warning",
            .. ServerArguments(),
        ], builder => ConfigureServices(builder.Services));
        await App.StartAsync();
        Cameras.Services = App.Services;
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await CreateUsersAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>Extra server settings (command-line form).</summary>
    protected virtual IEnumerable<string> ServerArguments() =>
        // Cameras here are the TestCameraFeed stand-in below; real workers would also poll the database
        // and load models when the scenario activates its deployment.
        // The feed reports once, so its report must not turn stale during the test.
        ["--CameraWorkers:Enabled=false", "--CameraWorkers:LeaseDuration=01:00:00"];

    /// <summary>Changes to the server's services before it is built.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
        // The face pipeline is not the subject here (see TestFaceAnalyzer); everything else is the real server.
        services.RemoveAll<IFaceEnrolmentAnalyzer>();
        services.AddSingleton<IFaceEnrolmentAnalyzer>(new TestFaceAnalyzer());
        services.AddSingleton<OpenLfr.Core.Cameras.ILiveFrameSource>(Cameras);
    }

    /// <summary>A fresh browser context (own cookies) signed in through the login page.</summary>
    public async Task<IPage> SignInAsync(string userName, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync(BaseUrl + "/login");
        // By keyboard only, as someone who cannot use a mouse signs in: the name field has the focus, Tab, Enter.
        await Assertions.Expect(page.Locator("#userName")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(userName);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });
        // Generous: the machine is shared with builds; a real failure still fails, only later.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Writes the page's picture as a test artifact and, unless it is a failure picture, checks the page's accessibility basics.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool check = true)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        if (check) await PageChecks.AssertBasicsAsync(page);
    }

    private async Task CreateUsersAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LfrUser>>();
        foreach (var (name, role, rank) in new[]
        {
            ("planner", Roles.WatchlistManager, (string?)"Inspector"),
            ("supt", Roles.AuthorisingOfficer, "Superintendent"),
            ("operator", Roles.Operator, "Constable"),
            ("auditor", Roles.Auditor, null),
        })
        {
            var user = new LfrUser { Id = Guid.NewGuid(), UserName = name, DisplayName = name, Rank = rank, LockoutEnabled = true };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }

        static void Check(IdentityResult r)
        {
            if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
