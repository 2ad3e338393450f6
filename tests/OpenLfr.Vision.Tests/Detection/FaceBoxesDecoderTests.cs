using OpenLfr.Vision.Detection;

namespace OpenLfr.Vision.Tests.Detection;

public sealed class FaceBoxesDecoderTests
{
    private static (float[][] Boxes, float[][] Classes) EmptyHeads(FaceBoxesAnchors anchors)
    {
        var boxes = new float[3][];
        var classes = new float[3][];
        for (var h = 0; h < 3; h++)
        {
            var n = anchors.HeadOffsets[h + 1] - anchors.HeadOffsets[h];
            boxes[h] = new float[n * 4];
            classes[h] = new float[n * 2];
            for (var k = 0; k < n; k++) classes[h][2 * k] = 10; // confident background
        }
        return (boxes, classes);
    }

    [Fact]
    public void Only_anchors_above_the_score_threshold_become_detections()
    {
        var anchors = FaceBoxesAnchors.Generate(256, 256);
        var (boxes, classes) = EmptyHeads(anchors);
        Assert.Empty(FaceBoxesDecoder.Decode(anchors, boxes, classes, 0.5f, 256, 256));
        // The 128-px anchor of stride-32 cell (3, 3): centre (112, 112); face logit 2 vs background 0 -> p = 0.881.
        var k = (3 * 8 + 3) * 21 + 20;
        classes[0][2 * k] = 0;
        classes[0][2 * k + 1] = 2;
        var found = Assert.Single(FaceBoxesDecoder.Decode(anchors, boxes, classes, 0.5f, 256, 256));
        Assert.Equal(1 / (1 + MathF.Exp(-2)), found.Score, 4);
        Assert.Equal(new BoxF(48, 48, 128, 128), found.Box);
        Assert.Empty(FaceBoxesDecoder.Decode(anchors, boxes, classes, 0.9f, 256, 256));
    }

    [Fact]
    public void Encodings_move_and_scale_the_anchor_with_variances_10_10_5_5()
    {
        var anchors = FaceBoxesAnchors.Generate(256, 256);
        var (boxes, classes) = EmptyHeads(anchors);
        var k = (3 * 8 + 3) * 21 + 20; // 128-px anchor centred at (112, 112)
        classes[0][2 * k] = -5;
        // ty = 10 * dy / h, tx = 10 * dx / w, th = 5 * ln(h'/h), tw = 5 * ln(w'/w)
        boxes[0][4 * k] = 10 * 6.4f / 128;     // move down 6.4 px
        boxes[0][4 * k + 1] = 10 * -12.8f / 128; // move left 12.8 px
        boxes[0][4 * k + 2] = 5 * MathF.Log(0.5f); // half the height
        boxes[0][4 * k + 3] = 5 * MathF.Log(0.75f);
        var d = Assert.Single(FaceBoxesDecoder.Decode(anchors, boxes, classes, 0.5f, 256, 256));
        Assert.Equal(112 - 12.8f, d.Box.CenterX, 3);
        Assert.Equal(112 + 6.4f, d.Box.CenterY, 3);
        Assert.Equal(96, d.Box.Width, 3);
        Assert.Equal(64, d.Box.Height, 3);
    }

    [Fact]
    public void Boxes_are_clipped_to_the_real_image_inside_the_padding()
    {
        var anchors = FaceBoxesAnchors.Generate(256, 256);
        var (boxes, classes) = EmptyHeads(anchors);
        var k = (3 * 8 + 3) * 21 + 20;
        classes[0][2 * k] = -5;
        var d = Assert.Single(FaceBoxesDecoder.Decode(anchors, boxes, classes, 0.5f, 150, 140));
        Assert.Equal(BoxF.FromCorners(48, 48, 150, 140), d.Box);
    }

    [Fact]
    public void Wrong_head_sizes_are_reported()
    {
        var anchors = FaceBoxesAnchors.Generate(256, 256);
        var (boxes, classes) = EmptyHeads(anchors);
        boxes[1] = new float[3];
        var e = Assert.Throws<ArgumentException>(() => FaceBoxesDecoder.Decode(anchors, boxes, classes, 0.5f, 256, 256));
        Assert.Contains("Head 1", e.Message);
    }

    [Fact]
    public void Nms_keeps_the_best_of_overlapping_boxes_and_separate_faces()
    {
        var kept = NonMaxSuppression.Apply(
        [
            new FaceDetection(new BoxF(0, 0, 100, 100), 0.8f),
            new FaceDetection(new BoxF(5, 5, 100, 100), 0.9f),
            new FaceDetection(new BoxF(300, 0, 50, 50), 0.6f),
        ], iouThreshold: 0.4f);
        Assert.Equal([0.9f, 0.6f], kept.Select(k => k.Score));
    }
}
