using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using OpenLfr.Core.Persistence;

// Usage: OpenLfr.MigrationsTool NAME CORE_PROJECT_DIR
// Scaffolds migration NAME (and updates the model snapshot) for SQLite and for PostgreSQL. No database is
// opened: the scaffolder diffs the model against the last snapshot.
if (args.Length != 2) { Console.Error.WriteLine("usage: OpenLfr.MigrationsTool NAME CORE_PROJECT_DIR"); return 2; }
var (name, projectDir) = (args[0], Path.GetFullPath(args[1]));
var targets = new (string Provider, string Connection, string Folder)[]
{
    ("Sqlite", "Data Source=design-time.db", "Persistence/Migrations/Sqlite"),
    ("Postgres", "Host=localhost;Database=design;Username=design;Password=design", "Persistence/Migrations/Postgres"),
};
foreach (var (provider, connection, folder) in targets)
{
    using var context = PersistenceServiceCollectionExtensions.CreateContext(new DatabaseOptions { ConnectionString = connection });
    var reporter = new OperationReporter(null);
    var assembly = typeof(LfrDbContext).Assembly;
#pragma warning disable EF1001
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
#pragma warning restore EF1001
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var ns = folder.Replace('/', '.');
    var migration = scaffolder.ScaffoldMigration(name, "OpenLfr.Core", ns, "C#", dryRun: false);
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, folder), dryRun: false);
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}
return 0;
