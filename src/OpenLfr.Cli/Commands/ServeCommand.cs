using Microsoft.Extensions.Hosting;
using System.CommandLine;
using OpenLfr.Server.Hosting;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr serve</c>: the OpenLFR server (REST API, OpenAPI, health) on SQLite by default or PostgreSQL.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on (default http://localhost:5000)." };
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file path / 'Data Source=...', or a PostgreSQL connection string 'Host=...;Database=...;Username=...;Password=...'. Default: SQLite at $OPENLFR_DATA/openlfr.db ($OPENLFR_DATA defaults to ./.data)." };
        var keyFile = new Option<string?>("--key-file") { Description = "File with the biometric data key (base64 of 32 bytes). Or set OPENLFR_DATA_KEY. With the default database a key file is created in the data directory on first run." };
        var noCameras = new Option<bool>("--no-camera-workers") { Description = "Do not process cameras in this process (a web-only node); another node runs the camera workers. Same as CameraWorkers:Enabled=false." };
        var command = new Command("serve", "Run the OpenLFR server: governed deployments, watchlists, alerts, retention and audit. First run creates the administrator (password from OPENLFR_ADMIN_PASSWORD, else printed once).");
        command.Options.Add(urls);
        command.Options.Add(db);
        command.Options.Add(keyFile);
        command.Options.Add(noCameras);
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string>();
            void Add(string name, string? value) { if (!string.IsNullOrWhiteSpace(value)) { args.Add("--" + name); args.Add(value); } }
            Add("urls", parse.GetValue(urls));
            Add("db", parse.GetValue(db));
            Add("key-file", parse.GetValue(keyFile));
            if (parse.GetValue(noCameras)) Add("CameraWorkers:Enabled", "false");
            try
            {
                var app = LfrServerHost.Build(args.ToArray());
                await app.StartAsync(ct);
                await app.WaitForShutdownAsync(ct);
                return 0;
            }
            catch (Microsoft.Extensions.Options.OptionsValidationException e)
            {
                Console.Error.WriteLine("lfr serve: configuration error:");
                foreach (var failure in e.Failures) Console.Error.WriteLine("  " + failure);
                return 2;
            }
        });
        return command;
    }
}
