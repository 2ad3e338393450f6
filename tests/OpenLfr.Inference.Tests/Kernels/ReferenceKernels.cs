using OpenLfr.Inference.Kernels;

namespace OpenLfr.Inference.Tests.Kernels;

/// <summary>
/// Naive reference implementations, written straight from the TensorFlow definitions and independent of
/// the kernels under test: double accumulation, explicit padding arithmetic, activations as if/else.
/// Each returns the result and, per element, the sum of |terms| so tolerances scale with cancellation.
/// </summary>
internal static class ReferenceKernels
{
    public static (int Out, int PadBefore) Axis(int size, int k, int stride, int dilation, PaddingMode mode, int padBefore, int padAfter)
    {
        int eff = (k - 1) * dilation + 1;
        return mode switch
        {
            PaddingMode.Valid => ((size - eff) / stride + 1, 0),
            // TF: out = ceil(in / stride); pad_total = max((out - 1) * stride + eff - in, 0); pad_before = pad_total / 2.
            PaddingMode.Same => ((int)Math.Ceiling(size / (double)stride),
                                 Math.Max(((int)Math.Ceiling(size / (double)stride) - 1) * stride + eff - size, 0) / 2),
            _ => ((size + padBefore + padAfter - eff) / stride + 1, padBefore),
        };
    }

    public static double Activate(double x, Epilogue e, int channel) => e.Activation switch
    {
        Activation.None => x,
        Activation.Relu => x > 0 ? x : 0,
        Activation.Relu6 => x < 0 ? 0 : x > 6 ? 6 : x,
        Activation.PRelu => x > 0 ? x : e.PreluAlpha![e.PreluAlpha.Length == 1 ? 0 : channel] * x,
        Activation.LeakyRelu => x > 0 ? x : e.LeakyAlpha * x,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static (float[] Y, double[] Scale, int OutH, int OutW) Conv2D(float[] x, int batch, int h, int w, int cin,
        float[] filterHWIO, int cout, ConvGeometry g, Epilogue e)
    {
        var (oh, pt) = Axis(h, g.KernelH, g.StrideH, g.DilationH, g.Padding, g.PadTop, g.PadBottom);
        var (ow, pl) = Axis(w, g.KernelW, g.StrideW, g.DilationW, g.Padding, g.PadLeft, g.PadRight);
        var y = new float[batch * oh * ow * cout];
        var scale = new double[y.Length];
        for (int n = 0; n < batch; n++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        for (int oc = 0; oc < cout; oc++)
        {
            double acc = e.Bias?[oc] ?? 0, abs = Math.Abs(acc);
            for (int ky = 0; ky < g.KernelH; ky++)
            for (int kx = 0; kx < g.KernelW; kx++)
            {
                int iy = oy * g.StrideH - pt + ky * g.DilationH, ix = ox * g.StrideW - pl + kx * g.DilationW;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                for (int ic = 0; ic < cin; ic++)
                {
                    double t = (double)x[((n * h + iy) * w + ix) * cin + ic] * filterHWIO[((ky * g.KernelW + kx) * cin + ic) * cout + oc];
                    acc += t;
                    abs += Math.Abs(t);
                }
            }
            int o = ((n * oh + oy) * ow + ox) * cout + oc;
            y[o] = (float)Activate(acc, e, oc);
            scale[o] = abs;
        }
        return (y, scale, oh, ow);
    }

    public static (float[] Y, double[] Scale, int OutH, int OutW) Depthwise(float[] x, int batch, int h, int w, int c, int m,
        float[] filter, ConvGeometry g, Epilogue e)
    {
        var (oh, pt) = Axis(h, g.KernelH, g.StrideH, g.DilationH, g.Padding, g.PadTop, g.PadBottom);
        var (ow, pl) = Axis(w, g.KernelW, g.StrideW, g.DilationW, g.Padding, g.PadLeft, g.PadRight);
        int cout = c * m;
        var y = new float[batch * oh * ow * cout];
        var scale = new double[y.Length];
        for (int n = 0; n < batch; n++)
        for (int oy = 0; oy < oh; oy++)
        for (int ox = 0; ox < ow; ox++)
        for (int ic = 0; ic < c; ic++)
        for (int q = 0; q < m; q++)
        {
            int oc = ic * m + q;
            double acc = e.Bias?[oc] ?? 0, abs = Math.Abs(acc);
            for (int ky = 0; ky < g.KernelH; ky++)
            for (int kx = 0; kx < g.KernelW; kx++)
            {
                int iy = oy * g.StrideH - pt + ky * g.DilationH, ix = ox * g.StrideW - pl + kx * g.DilationW;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                double t = (double)x[((n * h + iy) * w + ix) * c + ic] * filter[((ky * g.KernelW + kx) * c + ic) * m + q];
                acc += t;
                abs += Math.Abs(t);
            }
            int o = ((n * oh + oy) * ow + ox) * cout + oc;
            y[o] = (float)Activate(acc, e, oc);
            scale[o] = abs;
        }
        return (y, scale, oh, ow);
    }

    public static (float[] Y, double[] Scale) MatMul(float[] x, int m, int k, float[] wKN, int n, Epilogue e)
    {
        var y = new float[m * n];
        var scale = new double[y.Length];
        for (int r = 0; r < m; r++)
        for (int col = 0; col < n; col++)
        {
            double acc = e.Bias?[col] ?? 0, abs = Math.Abs(acc);
            for (int j = 0; j < k; j++)
            {
                double t = (double)x[r * k + j] * wKN[j * n + col];
                acc += t;
                abs += Math.Abs(t);
            }
            y[r * n + col] = (float)Activate(acc, e, col);
            scale[r * n + col] = abs;
        }
        return (y, scale);
    }
}
