using System.CommandLine;
using System.Globalization;
using OpenLfr.Vision.Simulation;

namespace OpenLfr.Cli.Commands;

/// <summary><c>lfr simulate</c>: a walk-past video with ground truth and a watchlist, from a face dataset.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Folder with one sub-folder of face photos per identity (e.g. ../shared/datasets/lfw).", Required = true };
        var output = new Option<string>("--out") { Description = "Video file to write (.mp4).", Required = true };
        var truth = new Option<string>("--truth") { Description = "Ground-truth JSON file to write.", Required = true };
        var people = new Option<int>("--people") { Description = "People who walk past.", DefaultValueFactory = _ => 6 };
        var watchlisted = new Option<int>("--watchlisted") { Description = "How many of them are on the watchlist.", DefaultValueFactory = _ => 2 };
        var size = new Option<string>("--size") { Description = "Frame size WxH.", DefaultValueFactory = _ => "640x360" };
        var fps = new Option<int>("--fps") { Description = "Frames per second.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same video.", DefaultValueFactory = _ => 1 };
        var concurrent = new Option<int>("--concurrent") { Description = "About how many people are in view at once.", DefaultValueFactory = _ => 2 };
        var watchlistOut = new Option<string?>("--watchlist-out") { Description = "Folder for the watchlist: one sub-folder per watchlisted identity, with a different photo than the one in the video." };

        var command = new Command("simulate", "Make a walk-past test video from real face photos, with ground truth and a watchlist.");
        foreach (var o in new Option[] { dataset, output, truth, people, watchlisted, size, fps, seed, concurrent, watchlistOut }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            try
            {
                var (w, h) = ParseSize(parse.GetValue(size)!);
                var result = WalkPastSimulator.Run(new SimulationOptions
                {
                    Dataset = parse.GetValue(dataset)!,
                    OutputVideo = parse.GetValue(output)!,
                    TruthFile = parse.GetValue(truth)!,
                    WatchlistOutput = parse.GetValue(watchlistOut),
                    People = parse.GetValue(people),
                    Watchlisted = parse.GetValue(watchlisted),
                    Width = w,
                    Height = h,
                    Fps = parse.GetValue(fps),
                    Seed = parse.GetValue(seed),
                    Concurrent = parse.GetValue(concurrent),
                }, message => Console.Error.WriteLine(message));
                Console.WriteLine($"wrote {result.Truth.Video} ({result.Frames} frames, {result.Truth.Duration:0.0} s, {result.Codec}), truth {Path.GetFullPath(parse.GetValue(truth)!)}");
                foreach (var folder in result.WatchlistFolders) Console.WriteLine($"watchlist: {folder}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"simulate: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    internal static (int Width, int Height) ParseSize(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var w) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var h))
            return (w, h);
        throw new FormatException($"--size '{text}' is invalid; expected WxH, e.g. 1920x1080.");
    }
}
