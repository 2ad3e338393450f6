using System.Numerics;
using OpenLfr.Vision.Alignment;
using OpenLfr.Vision.Detection;
using OpenLfr.Vision.Imaging;

namespace OpenLfr.Vision.Quality;

/// <summary>
/// Measures a face's size, sharpness, exposure and pose and combines them into a 0..1 score with named
/// reasons. Photometric measures are taken on the 112 px ArcFace-aligned grey crop, so they compare
/// across face sizes (a small face upscaled to 112 px is correctly blurry). Stateless, thread-safe.
/// </summary>
public sealed class QualityAssessor(QualityOptions? options = null)
{
    private const int CropSize = 112;

    public QualityOptions Options { get; } = options ?? new QualityOptions();

    public FaceQuality Assess(RgbImage image, BoxF box, FaceLandmarks5 points, float detectorScore)
    {
        var crop = new float[CropSize * CropSize * 3];
        FaceAligner.AlignInto(image, points, AlignmentTemplate.ArcFace112, crop);
        var grey = ToGrey(crop);
        var (brightness, contrast) = MeanAndStdDev(grey);
        var sharpness = LaplacianVariance(grey, CropSize);
        var (yaw, pitch, roll) = EstimatePose(points);
        return Combine(box.Width, points.InterEyeDistance, detectorScore, sharpness, brightness, contrast, yaw, pitch, roll);
    }

    /// <summary>Scores measurements against the options (public so callers with their own measures can reuse it).</summary>
    public FaceQuality Combine(float faceWidth, float interEye, float detectorScore, float sharpness,
        float brightness, float contrast, float yaw, float pitch, float roll)
    {
        var o = Options;
        var reasons = new List<QualityReason>();
        if (faceWidth < o.MinFaceWidth)
            reasons.Add(new("too-small", $"face {faceWidth:F0} px wide, minimum {o.MinFaceWidth:F0}"));
        if (interEye < o.MinInterEyeDistance)
            reasons.Add(new("eyes-too-close", $"eyes {interEye:F0} px apart, minimum {o.MinInterEyeDistance:F0}"));
        if (detectorScore < o.MinDetectorScore)
            reasons.Add(new("low-detector-score", $"detector confidence {detectorScore:F2}, minimum {o.MinDetectorScore:F2}"));
        if (sharpness < o.MinSharpness)
            reasons.Add(new("blurry", $"sharpness {sharpness:F0}, minimum {o.MinSharpness:F0}"));
        if (brightness < o.MinBrightness)
            reasons.Add(new("too-dark", $"brightness {brightness:F0}, minimum {o.MinBrightness:F0}"));
        if (brightness > o.MaxBrightness)
            reasons.Add(new("too-bright", $"brightness {brightness:F0}, maximum {o.MaxBrightness:F0}"));
        if (contrast < o.MinContrast)
            reasons.Add(new("low-contrast", $"contrast {contrast:F0}, minimum {o.MinContrast:F0}"));
        if (MathF.Abs(yaw) > o.MaxYawDegrees)
            reasons.Add(new("turned-sideways", $"head turned {MathF.Abs(yaw):F0}° sideways, maximum {o.MaxYawDegrees:F0}°"));
        if (MathF.Abs(pitch) > o.MaxPitchDegrees)
            reasons.Add(new("tilted-up-down", $"head tilted {MathF.Abs(pitch):F0}° {(pitch > 0 ? "down" : "up")}, maximum {o.MaxPitchDegrees:F0}°"));

        // Each factor is 1 when comfortably good and falls linearly to 0 at half its minimum (or past its
        // maximum pose); the score is their product, so any one bad factor pulls it down.
        float Ramp(float value, float minimum) => minimum <= 0 ? 1 : Math.Clamp((value - minimum / 2) / (minimum * 1.5f - minimum / 2), 0, 1);
        float PoseFactor(float angle, float max) => Math.Clamp(1 - MathF.Pow(MathF.Abs(angle) / (max * 1.5f), 2), 0, 1);
        var exposure = brightness < o.MinBrightness ? Ramp(brightness, o.MinBrightness)
            : brightness > o.MaxBrightness ? Math.Clamp(1 - (brightness - o.MaxBrightness) / (255 - o.MaxBrightness), 0, 1) : 1;
        var score = Ramp(interEye, o.MinInterEyeDistance)
                    * Ramp(sharpness, o.MinSharpness)
                    * Ramp(contrast, o.MinContrast)
                    * exposure
                    * PoseFactor(yaw, o.MaxYawDegrees)
                    * PoseFactor(pitch, o.MaxPitchDegrees)
                    * Math.Clamp(detectorScore / Math.Max(o.MinDetectorScore, 1e-3f), 0, 1);
        return new FaceQuality(score, reasons, faceWidth, interEye, detectorScore, sharpness, brightness, contrast, yaw, pitch, roll);
    }

    /// <summary>
    /// Head pose from the five points, after undoing roll: yaw from where the nose sits between the eyes
    /// (0 = midway, ±1 = over an eye, mapped through asin), pitch from the nose's height between the
    /// eye line and the mouth line relative to the ArcFace template's frontal ratio.
    /// Coarse (±10°) but monotonic, which is what a quality gate needs.
    /// </summary>
    public static (float Yaw, float Pitch, float Roll) EstimatePose(FaceLandmarks5 p)
    {
        var eyeMid = (p.LeftEye + p.RightEye) / 2;
        var eyeVec = p.RightEye - p.LeftEye;
        var roll = MathF.Atan2(eyeVec.Y, eyeVec.X);
        var rot = Matrix3x2.CreateRotation(-roll, eyeMid);
        var le = Vector2.Transform(p.LeftEye, rot);
        var re = Vector2.Transform(p.RightEye, rot);
        var nose = Vector2.Transform(p.Nose, rot);
        var mouthMid = Vector2.Transform((p.MouthLeft + p.MouthRight) / 2, rot);
        var halfEye = MathF.Max((re.X - le.X) / 2, 1e-3f);
        var yawSin = Math.Clamp((nose.X - eyeMid.X) / (halfEye * 1.6f), -1, 1);
        var yaw = MathF.Asin(yawSin) * 180 / MathF.PI;
        var eyeToMouth = MathF.Max(mouthMid.Y - eyeMid.Y, 1e-3f);
        var t = AlignmentTemplate.ArcFace112.Points;
        var frontal = (t.Nose.Y - (t.LeftEye.Y + t.RightEye.Y) / 2) / ((t.MouthLeft.Y + t.MouthRight.Y) / 2 - (t.LeftEye.Y + t.RightEye.Y) / 2);
        var ratio = (nose.Y - eyeMid.Y) / eyeToMouth;
        // Looking down moves the nose tip towards the mouth (ratio up); ~0.35 ratio change ~ 45°.
        var pitch = Math.Clamp((ratio - frontal) / 0.35f, -1, 1) * 45;
        return (yaw, pitch, roll * 180 / MathF.PI);
    }

    private static float[] ToGrey(float[] rgb)
    {
        var g = new float[rgb.Length / 3];
        for (var i = 0; i < g.Length; i++) g[i] = 0.299f * rgb[3 * i] + 0.587f * rgb[3 * i + 1] + 0.114f * rgb[3 * i + 2];
        return g;
    }

    private static (float Mean, float StdDev) MeanAndStdDev(float[] v)
    {
        double sum = 0, sq = 0;
        foreach (var x in v) { sum += x; sq += x * x; }
        var mean = sum / v.Length;
        return ((float)mean, (float)Math.Sqrt(Math.Max(0, sq / v.Length - mean * mean)));
    }

    /// <summary>Variance of the 4-neighbour Laplacian over the central region (the face, not the border).</summary>
    internal static float LaplacianVariance(float[] g, int size)
    {
        int from = size / 8, to = size - size / 8;
        double sum = 0, sq = 0;
        var n = 0;
        for (var y = from; y < to; y++)
        for (var x = from; x < to; x++)
        {
            var i = y * size + x;
            double l = g[i - 1] + g[i + 1] + g[i - size] + g[i + size] - 4 * g[i];
            sum += l; sq += l * l; n++;
        }
        var mean = sum / n;
        return (float)(sq / n - mean * mean);
    }
}
