using System.CommandLine;
using OpenLfr.Cli.Commands;

// `lfr`: each feature contributes its command from Commands/; this file only composes them.
var root = new RootCommand("OpenLFR: governed live facial recognition. Every alert is a possible match for a person to review.");
root.Subcommands.Add(ModelsCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(EvaluateLiveCommand.Create());
root.Subcommands.Add(DetectCommand.Create());
root.Subcommands.Add(EmbedCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
return await root.Parse(args).InvokeAsync();
