using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenLfr.Vision.Simulation;

/// <summary>
/// What a simulated video contains: <c>{"video","fps","people":[{"identity","watchlisted","appears":[[t0,t1]],
/// "boxes":[[t,x,y,w,h]]}]}</c>, times in seconds of video time, boxes are face boxes in frame pixels.
/// </summary>
public sealed record GroundTruth(
    [property: JsonPropertyName("video")] string Video,
    [property: JsonPropertyName("fps")] double Fps,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("duration")] double Duration,
    [property: JsonPropertyName("people")] IReadOnlyList<GroundTruthPerson> People)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GroundTruth Load(string path) =>
        JsonSerializer.Deserialize<GroundTruth>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"Ground truth {path} is empty.");
}

/// <param name="ShownImage">The dataset image composed into the video (never the watchlist image).</param>
public sealed record GroundTruthPerson(
    [property: JsonPropertyName("identity")] string Identity,
    [property: JsonPropertyName("watchlisted")] bool Watchlisted,
    [property: JsonPropertyName("shown_image")] string ShownImage,
    [property: JsonPropertyName("appears")] IReadOnlyList<double[]> Appears,
    [property: JsonPropertyName("boxes")] IReadOnlyList<double[]> Boxes);
