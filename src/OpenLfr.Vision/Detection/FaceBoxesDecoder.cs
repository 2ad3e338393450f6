namespace OpenLfr.Vision.Detection;

/// <summary>
/// Turns the FaceBoxes heads (<c>prediction_layers/{box_encoding,class}_predictor_{0,1,2}/BiasAdd</c>)
/// into scored boxes: softmax over (background, face) logits, then SSD box decoding with scale factors
/// (10, 10, 5, 5) against <see cref="FaceBoxesAnchors"/>. Only anchors above the score threshold are decoded.
/// </summary>
public static class FaceBoxesDecoder
{
    private const float ScaleY = 10, ScaleX = 10, ScaleH = 5, ScaleW = 5;

    /// <param name="boxHeads">Per head, [rows, cols, anchorsPerCell * 4] floats (ty, tx, th, tw).</param>
    /// <param name="classHeads">Per head, [rows, cols, anchorsPerCell * 2] floats (background, face logits).</param>
    /// <param name="imageWidth">The real image width inside the padded input; boxes are clipped to it.</param>
    public static List<FaceDetection> Decode(
        FaceBoxesAnchors anchors, IReadOnlyList<float[]> boxHeads, IReadOnlyList<float[]> classHeads,
        float scoreThreshold, int imageWidth, int imageHeight)
    {
        if (boxHeads.Count != 3 || classHeads.Count != 3) throw new ArgumentException("FaceBoxes has three heads.");
        // A score threshold p on softmax means face - background logit >= log(p / (1 - p)).
        var p = Math.Clamp(scoreThreshold, 1e-6f, 1 - 1e-6f);
        var minMargin = MathF.Log(p / (1 - p));
        var result = new List<FaceDetection>();
        var a = anchors.Boxes;
        for (var head = 0; head < 3; head++)
        {
            var first = anchors.HeadOffsets[head];
            var count = anchors.HeadOffsets[head + 1] - first;
            var cls = classHeads[head];
            var enc = boxHeads[head];
            if (cls.Length != count * 2 || enc.Length != count * 4)
                throw new ArgumentException($"Head {head}: expected {count} anchors ({count * 2} class and {count * 4} box values), got {cls.Length} and {enc.Length}. Was the input padded to a multiple of {FaceBoxesAnchors.Alignment}?");
            for (var k = 0; k < count; k++)
            {
                var margin = cls[2 * k + 1] - cls[2 * k];
                if (margin < minMargin) continue;
                var score = 1 / (1 + MathF.Exp(-margin));
                var ai = (first + k) * 4;
                float cya = a[ai], cxa = a[ai + 1], ha = a[ai + 2], wa = a[ai + 3];
                var cy = enc[4 * k] / ScaleY * ha + cya;
                var cx = enc[4 * k + 1] / ScaleX * wa + cxa;
                var h = MathF.Exp(enc[4 * k + 2] / ScaleH) * ha;
                var w = MathF.Exp(enc[4 * k + 3] / ScaleW) * wa;
                var box = BoxF.FromCorners(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2).Clip(imageWidth, imageHeight);
                if (box.Width <= 1 || box.Height <= 1) continue;
                result.Add(new FaceDetection(box, score));
            }
        }
        return result;
    }
}
