using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenLfr.Core.Enrolment;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process on a fresh database (a SQLite file in a temp directory, or a new database on
/// the test PostgreSQL server), with a manual clock and a known administrator password.
/// </summary>
public sealed class LfrFactory : WebApplicationFactory<ServerEntryPoint>
{
    public const string AdminPassword = "Admin-Password-123!";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "openlfr-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Extra test registrations (e.g. an alert notifier).</param>
    public LfrFactory(string database, IDictionary<string, string?>? settings = null, IFaceEnrolmentAnalyzer? analyzer = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Directory.CreateDirectory(_directory);
        Database = database;
        ConnectionString = database == DatabaseKind.Postgres ? PostgresServer.Shared.CreateDatabase() : $"Data Source={Path.Combine(_directory, "openlfr.db")}";
        Analyzer = analyzer ?? new TestFaceAnalyzer();
        _settings = new Dictionary<string, string?>
        {
            ["db"] = ConnectionString,
            ["OPENLFR_DATA"] = _directory,
            ["DataKey:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Admin:Password"] = AdminPassword,
            ["Policy:SweepInterval"] = "00:10:00",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public string Database { get; }
    public string ConnectionString { get; }
    /// <summary>The biometric data key (base64) this server runs with, for other nodes on the same database.</summary>
    public string DataKey => _settings["DataKey:Key"]!;
    public IFaceEnrolmentAnalyzer Analyzer { get; }
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.RemoveAll<IFaceEnrolmentAnalyzer>();
            services.AddSingleton(Analyzer);
            // Test-only: cheap password hashing (production keeps Identity's 100,000 PBKDF2 iterations).
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
            _services?.Invoke(services);
        });
    }

    /// <summary>A database context on the same database, for assertions and tampering.</summary>
    public LfrDbContext OpenDb() => PersistenceServiceCollectionExtensions.CreateContext(new DatabaseOptions { ConnectionString = ConnectionString });

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public ApiClient Anonymous() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A client signed in as <paramref name="userName"/>, holding its CSRF token.</summary>
    public async Task<ApiClient> SignInAsync(string userName, string password = AdminPassword)
    {
        var client = Anonymous();
        await client.SignInAsync(userName, password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
