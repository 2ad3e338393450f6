using System.CommandLine;
using Microsoft.Extensions.Hosting;
using OpenLfr.Server.Hosting;

namespace OpenLfr.Cli.Commands;

/// <summary>
/// <c>lfr worker</c>: only the camera workers (no web server), for scaling camera processing over several machines that
/// share one PostgreSQL database with the servers. Each camera is processed by one node at a time (camera leases).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "The database the servers use (as for `lfr serve`; in practice a PostgreSQL connection string). It must have been migrated by `lfr serve`." };
        var keyFile = new Option<string?>("--key-file") { Description = "File with the biometric data key (base64 of 32 bytes), the servers' key. Or set OPENLFR_DATA_KEY." };
        var node = new Option<string?>("--node-id") { Description = "This node's name in the camera lease table (default: host name, process id and a random suffix)." };
        var command = new Command("worker", "Run camera workers only (no web server) against a server's database; several nodes share the cameras, one node per camera at a time.");
        command.Options.Add(db);
        command.Options.Add(keyFile);
        command.Options.Add(node);
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string>();
            void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) { args.Add("--" + name); args.Add(value); } }
            Add("db", parse.GetValue(db));
            Add("key-file", parse.GetValue(keyFile));
            Add("CameraWorkers:NodeId", parse.GetValue(node));
            try
            {
                using var host = LfrWorkerHost.Build(args.ToArray());
                await host.RunAsync(ct);
                return 0;
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                Console.Error.WriteLine("lfr worker: configuration error:");
                foreach (var failure in e.Failures) Console.Error.WriteLine("  " + failure);
                return 2;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("lfr worker: " + e.Message);
                return 2;
            }
        });
        return command;
    }
}
