using System.Text;
using System.Text.Json;

namespace OpenLfr.Inference.Graph;

/// <summary>A TensorFlow node attribute as TF.js writes it in model.json (a protobuf AttrValue in JSON form).</summary>
internal sealed class AttrValue
{
    public string? S { get; private init; }
    public long? I { get; private init; }
    public float? F { get; private init; }
    public bool? B { get; private init; }
    public string? Type { get; private init; }
    public long[] Ints { get; private init; } = [];
    public float[] Floats { get; private init; } = [];
    public string[] Strings { get; private init; } = [];
    /// <summary>A shape attribute's dimensions (-1 = unknown); null when absent or of unknown rank.</summary>
    public int[]? Shape { get; private init; }

    public static AttrValue Of(string s) => new() { S = s };
    public static AttrValue Of(long i) => new() { I = i };
    public static AttrValue Of(bool b) => new() { B = b };
    public static AttrValue OfInts(params long[] values) => new() { Ints = values };
    public static AttrValue OfShape(params int[] dims) => new() { Shape = dims };

    public static AttrValue Parse(JsonElement e)
    {
        string? s = null; long? i = null; float? f = null; bool? b = null; string? type = null;
        long[] ints = []; float[] floats = []; string[] strings = []; int[]? shape = null;
        foreach (var p in e.EnumerateObject())
        {
            switch (p.Name)
            {
                case "s": s = DecodeString(p.Value); break;
                case "i": i = ReadLong(p.Value); break;
                case "f": f = ReadFloat(p.Value); break;
                case "b": b = p.Value.ValueKind == JsonValueKind.True; break;
                case "type": type = p.Value.GetString(); break;
                case "shape":
                    if (p.Value.TryGetProperty("unknownRank", out var ur) && ur.ValueKind == JsonValueKind.True) break;
                    shape = p.Value.TryGetProperty("dim", out var dims)
                        ? dims.EnumerateArray().Select(d => d.TryGetProperty("size", out var sz) ? (int)ReadLong(sz) : -1).ToArray()
                        : [];
                    break;
                case "list":
                    foreach (var l in p.Value.EnumerateObject())
                    {
                        if (l.Name == "i") ints = l.Value.EnumerateArray().Select(ReadLong).ToArray();
                        else if (l.Name == "f") floats = l.Value.EnumerateArray().Select(ReadFloat).ToArray();
                        else if (l.Name == "s") strings = l.Value.EnumerateArray().Select(DecodeString).ToArray();
                    }
                    break;
            }
        }
        return new AttrValue { S = s, I = i, F = f, B = b, Type = type, Shape = shape, Ints = ints, Floats = floats, Strings = strings };
    }

    private static long ReadLong(JsonElement e) => e.ValueKind == JsonValueKind.String ? long.Parse(e.GetString()!) : e.GetInt64();

    private static float ReadFloat(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => float.NaN,
            "Infinity" => float.PositiveInfinity,
            "-Infinity" => float.NegativeInfinity,
            var t => float.Parse(t!, System.Globalization.CultureInfo.InvariantCulture),
        },
        _ => e.GetSingle(),
    };

    // Strings are base64 in TF.js JSON (bytes fields of the protobuf).
    private static string DecodeString(JsonElement e)
    {
        var text = e.GetString() ?? "";
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(text)); }
        catch (FormatException) { return text; }
    }
}
