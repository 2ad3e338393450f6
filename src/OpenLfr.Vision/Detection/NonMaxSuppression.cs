namespace OpenLfr.Vision.Detection;

/// <summary>Greedy non-maximum suppression: keep the best box, drop those overlapping it, repeat.</summary>
public static class NonMaxSuppression
{
    /// <param name="iouThreshold">Boxes overlapping a kept one by more than this (IoU) are dropped.</param>
    /// <param name="maxBoxes">At most this many are kept.</param>
    public static List<FaceDetection> Apply(IEnumerable<FaceDetection> candidates, float iouThreshold, int maxBoxes = int.MaxValue)
    {
        var sorted = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<FaceDetection>();
        foreach (var c in sorted)
        {
            if (kept.Count >= maxBoxes) break;
            var suppressed = false;
            foreach (var k in kept)
            {
                if (k.Box.IoU(c.Box) > iouThreshold) { suppressed = true; break; }
            }
            if (!suppressed) kept.Add(c);
        }
        return kept;
    }
}
