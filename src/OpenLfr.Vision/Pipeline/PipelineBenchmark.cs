using System.Diagnostics;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Pipeline;

/// <summary>
/// Throughput of decode and of detect + landmarks + align + embed over a list of image files, with
/// <c>workers</c> analyzers in parallel (one model thread each: the way a server scales on a small box).
/// </summary>
public static class PipelineBenchmark
{
    public sealed record Result(string Stage, int Workers, int Images, int Faces, double Seconds)
    {
        public double ImagesPerSecond => Images / Seconds;
    }

    /// <summary>Decode only, through the default decoder and through ffmpeg alone.</summary>
    public static (Result Default, Result Ffmpeg) Decode(IReadOnlyList<string> files)
    {
        var sw = Stopwatch.StartNew();
        foreach (var f in files) ImageDecoder.Default.Decode(f);
        var def = new Result(ImageDecoder.UsesTurboJpeg ? "decode (libjpeg-turbo)" : "decode (ffmpeg)", 1, files.Count, 0, sw.Elapsed.TotalSeconds);
        sw.Restart();
        foreach (var f in files) FfmpegImageDecoder.Decode(File.ReadAllBytes(f), f, ImageDecodeLimits.Default, applyDisplayRotation: false);
        return (def, new Result("decode (ffmpeg process per image)", 1, files.Count, 0, sw.Elapsed.TotalSeconds));
    }

    public static Result Analyze(IReadOnlyList<string> files, int workers, string embedder)
    {
        var analyzers = Enumerable.Range(0, workers).Select(_ => FaceAnalyzer.Load(new FaceAnalyzerOptions { Embedder = embedder, Threads = 1 })).ToArray();
        try
        {
            // Warm up every analyzer (plan compilation, JIT) outside the timing.
            foreach (var a in analyzers) a.Analyze(ImageDecoder.Default.Decode(files[0]));
            var next = -1;
            var faces = 0;
            var sw = Stopwatch.StartNew();
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < files.Count)
                {
                    var found = analyzers[w].Analyze(ImageDecoder.Default.Decode(files[i]));
                    Interlocked.Add(ref faces, found.Count);
                }
            });
            return new Result($"decode+detect+landmarks+align+embed ({embedder})", workers, files.Count, faces, sw.Elapsed.TotalSeconds);
        }
        finally
        {
            foreach (var a in analyzers) a.Dispose();
        }
    }
}
