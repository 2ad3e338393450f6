using System.Numerics;

namespace OpenLfr.Vision.Alignment;

/// <summary>
/// A 2-D similarity (rotation, uniform scale, translation; no reflection or shear):
/// x' = A x - B y + Tx, y' = B x + A y + Ty. Scale is sqrt(A^2 + B^2), angle atan2(B, A).
/// </summary>
public readonly record struct SimilarityTransform(double A, double B, double Tx, double Ty)
{
    public static SimilarityTransform Identity => new(1, 0, 0, 0);

    public double Scale => Math.Sqrt(A * A + B * B);

    /// <summary>Rotation in radians (counter-clockwise in x-right, y-up; clockwise on screen, where y points down).</summary>
    public double Angle => Math.Atan2(B, A);

    public static SimilarityTransform FromScaleRotationTranslation(double scale, double angle, double tx, double ty) =>
        new(scale * Math.Cos(angle), scale * Math.Sin(angle), tx, ty);

    public Vector2 Apply(Vector2 p) => new((float)(A * p.X - B * p.Y + Tx), (float)(B * p.X + A * p.Y + Ty));

    public (double X, double Y) Apply(double x, double y) => (A * x - B * y + Tx, B * x + A * y + Ty);

    public SimilarityTransform Inverse()
    {
        var d = A * A + B * B;
        if (d == 0) throw new InvalidOperationException("A zero-scale transform has no inverse.");
        var ia = A / d;
        var ib = -B / d;
        // inverse translation = -(R^-1) t
        return new SimilarityTransform(ia, ib, -(ia * Tx - ib * Ty), -(ib * Tx + ia * Ty));
    }

    /// <summary>
    /// The least-squares similarity mapping <paramref name="source"/> onto <paramref name="target"/>
    /// (Umeyama 1991, restricted to proper rotations): minimises the sum of squared distances
    /// |T(source[i]) - target[i]|^2. Exact when the points are related by a similarity.
    /// </summary>
    public static SimilarityTransform Estimate(ReadOnlySpan<Vector2> source, ReadOnlySpan<Vector2> target)
    {
        if (source.Length != target.Length) throw new ArgumentException("Source and target need the same number of points.");
        if (source.Length < 2) throw new ArgumentException("At least two points are needed.");
        double msx = 0, msy = 0, mtx = 0, mty = 0;
        for (var i = 0; i < source.Length; i++)
        {
            msx += source[i].X; msy += source[i].Y;
            mtx += target[i].X; mty += target[i].Y;
        }
        var n = source.Length;
        msx /= n; msy /= n; mtx /= n; mty /= n;
        // In 2-D the optimal rotation+scale of centred points is closed form: with complex numbers
        // s = x + iy, (A + iB) = sum(conj(s) t) / sum(|s|^2). This equals Umeyama's SVD solution
        // whenever the best fit is a proper rotation, which it is for any face that is not mirrored.
        double dot = 0, cross = 0, norm = 0;
        for (var i = 0; i < n; i++)
        {
            double sx = source[i].X - msx, sy = source[i].Y - msy;
            double tx = target[i].X - mtx, ty = target[i].Y - mty;
            dot += sx * tx + sy * ty;
            cross += sx * ty - sy * tx;
            norm += sx * sx + sy * sy;
        }
        if (norm < 1e-12) throw new ArgumentException("Source points coincide; no transform can be estimated.");
        var a = dot / norm;
        var b = cross / norm;
        return new SimilarityTransform(a, b, mtx - (a * msx - b * msy), mty - (b * msx + a * msy));
    }
}
