using System.Text.Json;

namespace OpenLfr.Inference.Graph;

/// <summary>
/// Reads the weights of a TF.js weights manifest (groups of shard files, each group's weights packed back to back):
/// float32, int32, bool, float16 (<c>quantization.dtype = float16</c>) and affine uint8/uint16
/// (<c>value = min + scale * q</c>). Everything is widened to float32 once, at load.
/// </summary>
internal static class WeightsManifestReader
{
    public static Dictionary<string, WeightEntry> Read(JsonElement manifest, string directory, string modelPath)
    {
        if (manifest.ValueKind != JsonValueKind.Array)
            throw new ModelLoadException($"{modelPath}: the weights manifest is not a JSON array of weight groups.");
        var result = new Dictionary<string, WeightEntry>(StringComparer.Ordinal);
        var groupIndex = 0;
        foreach (var group in manifest.EnumerateArray())
        {
            var bytes = ReadShards(group, directory, modelPath, groupIndex);
            var offset = 0;
            if (!group.TryGetProperty("weights", out var weights) || weights.ValueKind != JsonValueKind.Array)
                throw new ModelLoadException($"{modelPath}: weight group {groupIndex} has no 'weights' array.");
            foreach (var w in weights.EnumerateArray())
            {
                var entry = Decode(w, bytes, ref offset, modelPath);
                result[entry.Name] = entry;
            }
            if (offset != bytes.Length)
                throw new ModelLoadException($"{modelPath}: weight group {groupIndex} declares {offset} bytes but its shards hold {bytes.Length}; the manifest and the .bin files do not belong together.");
            groupIndex++;
        }
        return result;
    }

    private static byte[] ReadShards(JsonElement group, string directory, string modelPath, int groupIndex)
    {
        if (!group.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Array)
            throw new ModelLoadException($"{modelPath}: weight group {groupIndex} has no 'paths'.");
        using var stream = new MemoryStream();
        foreach (var p in paths.EnumerateArray())
        {
            var relative = p.GetString() ?? "";
            var full = Path.Combine(directory, relative);
            if (!File.Exists(full))
                throw new ModelLoadException($"{modelPath}: weight shard '{full}' is missing. Run `./lfr models fetch` to download the models.");
            using var f = File.OpenRead(full);
            f.CopyTo(stream);
        }
        return stream.ToArray();
    }

    private static WeightEntry Decode(JsonElement w, byte[] bytes, ref int offset, string modelPath)
    {
        var name = w.GetProperty("name").GetString() ?? "";
        var shape = w.TryGetProperty("shape", out var s) ? s.EnumerateArray().Select(d => d.GetInt32()).ToArray() : [];
        var dtype = w.TryGetProperty("dtype", out var dt) ? dt.GetString() : "float32";
        var type = dtype switch
        {
            "float32" => DType.Float32,
            "int32" => DType.Int32,
            "bool" => DType.Bool,
            _ => throw new ModelLoadException($"{modelPath}: weight '{name}' has dtype '{dtype}', which the engine does not support (float32, int32, bool)."),
        };
        var count = Tensor.ElementCount(shape);
        var data = new float[count];
        string? quant = null; float min = 0, scale = 1;
        if (w.TryGetProperty("quantization", out var q))
        {
            quant = q.GetProperty("dtype").GetString();
            if (q.TryGetProperty("min", out var m)) min = m.GetSingle();
            if (q.TryGetProperty("scale", out var sc)) scale = sc.GetSingle();
        }
        var elementBytes = quant switch
        {
            null => type == DType.Bool ? 1 : 4,
            "uint8" => 1,
            "uint16" or "float16" => 2,
            _ => throw new ModelLoadException($"{modelPath}: weight '{name}' uses quantization '{quant}', which the engine does not support (uint8, uint16, float16)."),
        };
        var size = (long)count * elementBytes;
        if (offset + size > bytes.Length)
            throw new ModelLoadException($"{modelPath}: weight '{name}' needs bytes {offset}..{offset + size} but the shards hold only {bytes.Length}; a weight file is short or corrupt. Run `./lfr models fetch`.");
        var src = bytes.AsSpan(offset, (int)size);
        switch (quant)
        {
            case null when type == DType.Float32:
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(src).CopyTo(data);
                break;
            case null when type == DType.Int32:
                var ints = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(src);
                for (var i = 0; i < count; i++) data[i] = ints[i];
                break;
            case null:
                for (var i = 0; i < count; i++) data[i] = src[i] != 0 ? 1 : 0;
                break;
            case "float16":
                var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(src);
                for (var i = 0; i < count; i++) data[i] = (float)halves[i];
                break;
            case "uint8":
                for (var i = 0; i < count; i++) data[i] = min + scale * src[i];
                break;
            case "uint16":
                var shorts = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(src);
                for (var i = 0; i < count; i++) data[i] = min + scale * shorts[i];
                break;
        }
        if (type == DType.Int32 && quant is not null)
            for (var i = 0; i < count; i++) data[i] = MathF.Round(data[i]);
        offset += (int)size;
        return new WeightEntry(name, shape, type, data);
    }
}
