using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// Makes a walk-past video from real face photos: people cross the frame or approach the camera
/// (growing faces, changing light, sometimes overlapping) over a street-front backdrop, encoded with
/// ffmpeg, plus the ground truth and a watchlist built from a different photo of each watchlisted
/// identity than the one shown. Deterministic for a given seed.
/// </summary>
public static class WalkPastSimulator
{
    public static SimulationResult Run(SimulationOptions options, Action<string>? progress = null)
    {
        options.Validate();
        var dataset = FaceDataset.Open(options.Dataset);
        var random = new Random(options.Seed);
        var cast = ChooseCast(dataset, options, random);
        var paths = Schedule(cast.Count, options, random);
        var duration = paths.Max(p => p.End) + 0.5;
        var frames = (int)Math.Ceiling(duration * options.Fps);

        progress?.Invoke($"composing {cast.Count} people ({options.Watchlisted} watchlisted) into {frames} frames of {options.Width}x{options.Height}");
        var sprites = cast.Select(c => new FaceSprite(DecodeFace(c.ShownImage))).ToList();
        var bodies = cast.Select(_ => (R: 30 + random.Next(180), G: 30 + random.Next(180), B: 30 + random.Next(180))).ToList();
        var background = SceneBackground.Render(options.Width, options.Height, random);

        var appears = cast.Select(_ => new List<double[]>()).ToList();
        var boxes = cast.Select(_ => new List<double[]>()).ToList();
        var visibleSince = new double?[cast.Count];
        var lastVisible = new double[cast.Count];
        var frame = new RgbImage(options.Width, options.Height);
        var videoDir = Path.GetDirectoryName(Path.GetFullPath(options.OutputVideo));
        if (!string.IsNullOrEmpty(videoDir)) Directory.CreateDirectory(videoDir);
        using (var encoder = new RawVideoEncoder(options.OutputVideo, options.Width, options.Height, options.Fps))
        {
            for (var f = 0; f < frames; f++)
            {
                var t = (double)f / options.Fps;
                background.Pixels.CopyTo(frame.Pixels, 0);
                // Far (small) faces first, so nearer people occlude them.
                var active = Enumerable.Range(0, cast.Count).Where(i => paths[i].ActiveAt(t)).OrderBy(i => paths[i].At(t).Size).ToList();
                foreach (var i in active)
                {
                    var (x, y, size, gain) = paths[i].At(t);
                    SceneBackground.FillEllipse(frame, x, y + 1.75f * size, 0.95f * size, 1.15f * size, bodies[i], gain);
                    sprites[i].Draw(frame, x, y, size, gain);
                }
                encoder.Write(frame);

                for (var i = 0; i < cast.Count; i++)
                {
                    var visible = false;
                    if (paths[i].ActiveAt(t))
                    {
                        var (x, y, size, _) = paths[i].At(t);
                        var x0 = Math.Max(0, x - size / 2);
                        var y0 = Math.Max(0, y - size / 2);
                        var x1 = Math.Min(options.Width, x + size / 2);
                        var y1 = Math.Min(options.Height, y + size / 2);
                        // A face counts as in view when at least half of it is inside the frame.
                        if (x1 > x0 && y1 > y0 && (x1 - x0) * (y1 - y0) >= 0.5f * size * size)
                        {
                            visible = true;
                            boxes[i].Add([Math.Round(t, 3), Math.Round(x0, 1), Math.Round(y0, 1), Math.Round(x1 - x0, 1), Math.Round(y1 - y0, 1)]);
                        }
                    }
                    if (visible)
                    {
                        visibleSince[i] ??= t;
                        lastVisible[i] = t;
                    }
                    else if (visibleSince[i] is { } since)
                    {
                        appears[i].Add([Math.Round(since, 3), Math.Round(lastVisible[i], 3)]);
                        visibleSince[i] = null;
                    }
                }
            }
            encoder.Finish();
        }
        for (var i = 0; i < cast.Count; i++)
            if (visibleSince[i] is { } since) appears[i].Add([Math.Round(since, 3), Math.Round(lastVisible[i], 3)]);

        var people = cast.Select((c, i) => new GroundTruthPerson(c.Identity, c.WatchlistImage is not null, c.ShownImage, appears[i], boxes[i])).ToList();
        var truth = new GroundTruth(Path.GetFullPath(options.OutputVideo), options.Fps, options.Width, options.Height, Math.Round((double)frames / options.Fps, 3), people);
        var truthDir = Path.GetDirectoryName(Path.GetFullPath(options.TruthFile));
        if (!string.IsNullOrEmpty(truthDir)) Directory.CreateDirectory(truthDir);
        File.WriteAllText(options.TruthFile, truth.ToJson());

        var folders = new List<string>();
        if (options.WatchlistOutput is { } watchlistDir)
        {
            foreach (var c in cast.Where(c => c.WatchlistImage is not null))
            {
                var dir = Path.Combine(watchlistDir, c.Identity);
                Directory.CreateDirectory(dir);
                File.Copy(c.WatchlistImage!, Path.Combine(dir, Path.GetFileName(c.WatchlistImage!)), overwrite: true);
                folders.Add(dir);
            }
        }
        return new SimulationResult(truth, frames, RawVideoEncoder.Codec, folders);
    }

    private sealed record CastMember(string Identity, string ShownImage, string? WatchlistImage);

    private static RgbImage DecodeFace(string path)
    {
        try
        {
            return ImageDecoder.Default.Decode(path);
        }
        catch (ImageDecodeException e)
        {
            throw new InvalidDataException($"Cannot use the dataset's face image {e.Message}", e);
        }
    }

    private static List<CastMember> ChooseCast(FaceDataset dataset, SimulationOptions options, Random random)
    {
        var order = Enumerable.Range(0, dataset.Identities.Count).ToArray();
        random.Shuffle(order);
        var cast = new List<CastMember>();
        var used = new HashSet<int>();
        // Watchlisted people need two photos: one shown in the video, a different one on the watchlist.
        foreach (var i in order)
        {
            if (cast.Count == options.Watchlisted) break;
            var images = dataset.Identities[i].Images;
            if (images.Count < 2) continue;
            var shown = random.Next(images.Count);
            var listed = (shown + 1 + random.Next(images.Count - 1)) % images.Count;
            cast.Add(new CastMember(dataset.Identities[i].Identity, images[shown], images[listed]));
            used.Add(i);
        }
        if (cast.Count < options.Watchlisted)
            throw new InvalidDataException($"Dataset {dataset.Root} has only {cast.Count} identities with two or more images; --watchlisted {options.Watchlisted} needs that many.");
        foreach (var i in order)
        {
            if (cast.Count == options.People) break;
            if (used.Contains(i)) continue;
            var images = dataset.Identities[i].Images;
            cast.Add(new CastMember(dataset.Identities[i].Identity, images[random.Next(images.Count)], null));
        }
        if (cast.Count < options.People)
            throw new InvalidDataException($"Dataset {dataset.Root} has only {dataset.Identities.Count} identities; --people {options.People} needs that many.");
        var shuffled = cast.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    private static List<WalkPath> Schedule(int people, SimulationOptions o, Random random)
    {
        float Uniform(double lo, double hi) => (float)(lo + (hi - lo) * random.NextDouble());
        var mean = (o.MinVisibleSeconds + o.MaxVisibleSeconds) / 2;
        var spacing = mean / o.Concurrent;
        var paths = new List<WalkPath>();
        float w = o.Width, h = o.Height;
        for (var i = 0; i < people; i++)
        {
            var start = Math.Max(0, 0.2 + i * spacing + Uniform(-0.3, 0.3) * spacing);
            var end = start + Uniform(o.MinVisibleSeconds, o.MaxVisibleSeconds);
            var gain0 = Uniform(0.65, 1.25);
            var gain1 = Uniform(0.65, 1.25);
            var phase = Uniform(0, 6.28);
            if (random.NextDouble() < 0.35)
            {
                // Approaching the camera: small and high in the frame, then large and low.
                var x0 = Uniform(0.2, 0.8) * w;
                paths.Add(new WalkPath(start, end, x0, Uniform(0.25, 0.35) * h, x0 + Uniform(-0.15, 0.15) * w, Uniform(0.42, 0.55) * h,
                    Uniform(0.10, 0.13) * h, Uniform(0.24, 0.32) * h, gain0, gain1, phase));
            }
            else
            {
                // Crossing: enters at one side, leaves at the other, growing a little.
                var size = Uniform(0.13, 0.2) * h;
                var rightwards = random.NextDouble() < 0.5;
                var y = Uniform(0.28, 0.5) * h;
                var (xa, xb) = (-0.3f * size, w + 0.3f * size);
                paths.Add(new WalkPath(start, end, rightwards ? xa : xb, y, rightwards ? xb : xa, y + Uniform(-0.05, 0.08) * h,
                    size, size * Uniform(1.0, 1.3), gain0, gain1, phase));
            }
        }
        return paths;
    }
}
