namespace OpenLfr.Core.Enrolment;

/// <summary>A face embedding and the model that made it (templates of different embedders never compare).</summary>
/// <param name="Vector">L2-normalised embedding.</param>
public sealed record FaceTemplate(string EmbedderId, string EmbedderVersion, float[] Vector)
{
    /// <summary>Cosine similarity (-1..1); 0 for vectors of different length or zero norm.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
