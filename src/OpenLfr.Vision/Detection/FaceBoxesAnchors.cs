namespace OpenLfr.Vision.Detection;

/// <summary>
/// The anchor boxes of the FaceBoxes detector (Zhang et al. 2017, the TensorFlow port in human-models):
/// three prediction heads at strides 32, 64 and 128; the stride-32 head has anchors of 32, 64 and 128 px,
/// densified 4x4, 2x2 and 1x1 within each cell (21 per cell), the others one anchor of 256 and 512 px.
/// The order matches how the heads' channels reshape: cell-major (row, column), then anchor spec,
/// then densified x index, then densified y index. Anchors are clipped to the (padded) image.
/// </summary>
public sealed class FaceBoxesAnchors
{
    /// <summary>(anchor size in px, densification) per head; heads have strides 32, 64, 128.</summary>
    public static readonly (int Size, int Density)[][] Specs =
    [
        [(32, 4), (64, 2), (128, 1)],
        [(256, 1)],
        [(512, 1)],
    ];

    public static readonly int[] Strides = [32, 64, 128];

    /// <summary>The network's input must be a multiple of this (the last head's stride).</summary>
    public const int Alignment = 128;

    private FaceBoxesAnchors(int width, int height, float[] centerBoxes, int[] headOffsets)
    {
        Width = width;
        Height = height;
        Boxes = centerBoxes;
        HeadOffsets = headOffsets;
    }

    /// <summary>Padded input width and height in pixels (multiples of 128).</summary>
    public int Width { get; }
    public int Height { get; }

    /// <summary>Per anchor (cy, cx, h, w) in pixels, after clipping to the image.</summary>
    public float[] Boxes { get; }

    /// <summary>Index of each head's first anchor (3 heads + the total at the end).</summary>
    public int[] HeadOffsets { get; }

    public int Count => Boxes.Length / 4;

    public static int AnchorsPerCell(int head) => Specs[head].Sum(s => s.Density * s.Density);

    public static FaceBoxesAnchors Generate(int paddedWidth, int paddedHeight)
    {
        if (paddedWidth % Alignment != 0 || paddedHeight % Alignment != 0)
            throw new ArgumentException($"FaceBoxes input must be a multiple of {Alignment} px, got {paddedWidth}x{paddedHeight}.");
        var boxes = new List<float>();
        var offsets = new int[Specs.Length + 1];
        for (var head = 0; head < Specs.Length; head++)
        {
            offsets[head] = boxes.Count / 4;
            var stride = Strides[head];
            int rows = paddedHeight / stride, cols = paddedWidth / stride;
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                float cy = (i + 0.5f) * stride, cx = (j + 0.5f) * stride;
                foreach (var (size, n) in Specs[head])
                {
                    var step = (float)size / n;
                    for (var ix = 0; ix < n; ix++)
                    for (var iy = 0; iy < n; iy++)
                    {
                        var y = cy - size / 2f + step / 2 + step * iy;
                        var x = cx - size / 2f + step / 2 + step * ix;
                        var ymin = Math.Clamp(y - size / 2f, 0, paddedHeight);
                        var ymax = Math.Clamp(y + size / 2f, 0, paddedHeight);
                        var xmin = Math.Clamp(x - size / 2f, 0, paddedWidth);
                        var xmax = Math.Clamp(x + size / 2f, 0, paddedWidth);
                        boxes.Add((ymin + ymax) / 2);
                        boxes.Add((xmin + xmax) / 2);
                        boxes.Add(ymax - ymin);
                        boxes.Add(xmax - xmin);
                    }
                }
            }
        }
        offsets[^1] = boxes.Count / 4;
        return new FaceBoxesAnchors(paddedWidth, paddedHeight, boxes.ToArray(), offsets);
    }
}
