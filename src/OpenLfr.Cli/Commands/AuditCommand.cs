using System.CommandLine;
using Microsoft.Extensions.Configuration;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;
using OpenLfr.Server.Hosting;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr audit verify</c>: checks the audit log's hash chain.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Work with the tamper-evident audit log.");
        command.Subcommands.Add(Verify());
        return command;
    }

    private static Command Verify()
    {
        var db = new Option<string?>("--db") { Description = "The database (as for `lfr serve`; default SQLite at $OPENLFR_DATA/openlfr.db)." };
        var command = new Command("verify", "Recompute the audit hash chain; exit 1 naming the first altered, removed or reordered entry.");
        command.Options.Add(db);
        command.SetAction(async (parse, ct) =>
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["db"] = parse.GetValue(db) }).Build();
            var settings = ServerSettings.From(configuration);
            if (settings.DefaultDatabase && !File.Exists(Path.Combine(settings.DataDirectory, "openlfr.db")))
            {
                Console.Error.WriteLine($"lfr audit verify: no database at {Path.Combine(settings.DataDirectory, "openlfr.db")}; pass --db or set OPENLFR_DATA.");
                return 2;
            }
            try
            {
                await using var context = PersistenceServiceCollectionExtensions.CreateContext(settings.Database);
                var result = await AuditVerifier.VerifyAsync(context, ct);
                if (result.Valid)
                {
                    Console.WriteLine($"audit chain intact: {result.EntriesChecked} entries, head {result.HeadHash ?? "(empty)"}");
                    return 0;
                }
                Console.Error.WriteLine($"audit chain BROKEN at entry {result.FirstBadSequence}: {result.Problem} ({result.EntriesChecked} entries before it verified)");
                return 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"lfr audit verify: cannot read the audit log ({settings.Database.Provider}): {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
