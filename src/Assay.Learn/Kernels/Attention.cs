using System.Numerics.Tensors;

namespace Assay.Learn.Kernels;

/// <summary>
/// Causal multi-head self-attention over a packed qkv tensor, as GPT-2: for head h, q, k and v are
/// channels [h*hs, (h+1)*hs) of the first, second and third C-sized blocks of each position.
/// Work is split over (batch, head) pairs, which write disjoint outputs, so it is deterministic.
/// </summary>
public static unsafe class Attention
{
    // out (B, T, C), att (B, NH, T, T) = causal softmax(q k^T / sqrt(hs)), from inp qkv (B, T, 3C).
    // att rows are zero above the diagonal; backward needs att and inp.
    public static void Forward(Span<float> output, Span<float> att, ReadOnlySpan<float> inp, int b, int t, int c, int nh)
    {
        Check(output.Length, att.Length, inp.Length, b, t, c, nh);
        fixed (float* po = output, pa = att, pi = inp)
        {
            nint o = (nint)po, a = (nint)pa, i = (nint)pi;
            LearnThreads.For(b * nh, (long)t * t * (c / nh), (s, e) =>
            {
                for (int bh = s; bh < e; bh++)
                    ForwardHead((float*)o, (float*)a, (float*)i, bh / nh, bh % nh, t, c, nh);
            });
        }
    }

    private static void ForwardHead(float* output, float* att, float* inp, int bi, int h, int t, int c, int nh)
    {
        int hs = c / nh, c3 = 3 * c;
        float scale = 1f / MathF.Sqrt(hs);
        float* qkv = inp + (nint)bi * t * c3;
        for (int ti = 0; ti < t; ti++)
        {
            var q = new ReadOnlySpan<float>(qkv + ti * c3 + h * hs, hs);
            var row = new Span<float>(att + (((nint)bi * nh + h) * t + ti) * t, t);
            for (int t2 = 0; t2 <= ti; t2++)
                row[t2] = TensorPrimitives.Dot(q, new ReadOnlySpan<float>(qkv + t2 * c3 + c + h * hs, hs)) * scale;
            Softmax.Row(row[..(ti + 1)], row[..(ti + 1)]);
            row[(ti + 1)..].Clear();
            var y = new Span<float>(output + ((nint)bi * t + ti) * c + h * hs, hs);
            y.Clear();
            for (int t2 = 0; t2 <= ti; t2++)
                TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<float>(qkv + t2 * c3 + 2 * c + h * hs, hs), row[t2], y, y);
        }
    }

    // dinp (B, T, 3C) += gradient through attention given dout (B, T, C), inp (B, T, 3C), att (B, NH, T, T).
    public static void Backward(Span<float> dinp, ReadOnlySpan<float> dout, ReadOnlySpan<float> inp, ReadOnlySpan<float> att, int b, int t, int c, int nh)
    {
        Check(dout.Length, att.Length, inp.Length, b, t, c, nh);
        if (dinp.Length != inp.Length) throw new ArgumentException("dinp and inp differ in length.");
        fixed (float* pd = dinp, pdo = dout, pi = inp, pa = att)
        {
            nint d = (nint)pd, dO = (nint)pdo, i = (nint)pi, a = (nint)pa;
            LearnThreads.For(b * nh, (long)t * t * (c / nh) * 2, (s, e) =>
            {
                var datt = new float[t];
                for (int bh = s; bh < e; bh++)
                    BackwardHead((float*)d, (float*)dO, (float*)i, (float*)a, datt, bh / nh, bh % nh, t, c, nh);
            });
        }
    }

    private static void BackwardHead(float* dinp, float* dout, float* inp, float* att, Span<float> datt, int bi, int h, int t, int c, int nh)
    {
        int hs = c / nh, c3 = 3 * c;
        float scale = 1f / MathF.Sqrt(hs);
        float* qkv = inp + (nint)bi * t * c3;
        float* dqkv = dinp + (nint)bi * t * c3;
        for (int ti = 0; ti < t; ti++)
        {
            var row = new ReadOnlySpan<float>(att + (((nint)bi * nh + h) * t + ti) * t, ti + 1);
            var dy = new ReadOnlySpan<float>(dout + ((nint)bi * t + ti) * c + h * hs, hs);
            var dr = datt[..(ti + 1)];
            // y = sum_t2 att[t2] v[t2]  ->  datt[t2] = dy . v[t2],  dv[t2] += att[t2] dy
            for (int t2 = 0; t2 <= ti; t2++)
            {
                dr[t2] = TensorPrimitives.Dot(dy, new ReadOnlySpan<float>(qkv + t2 * c3 + 2 * c + h * hs, hs));
                var dv = new Span<float>(dqkv + t2 * c3 + 2 * c + h * hs, hs);
                TensorPrimitives.FusedMultiplyAdd(dy, row[t2], dv, dv);
            }
            // softmax: dpreatt[t2] = att[t2] (datt[t2] - sum_j att[j] datt[j]); stored back into dr
            float dot = TensorPrimitives.Dot(row, dr);
            TensorPrimitives.Subtract(dr, dot, dr);
            TensorPrimitives.Multiply(dr, row, dr);
            // preatt[t2] = scale q . k[t2]
            var q = new ReadOnlySpan<float>(qkv + ti * c3 + h * hs, hs);
            var dq = new Span<float>(dqkv + ti * c3 + h * hs, hs);
            for (int t2 = 0; t2 <= ti; t2++)
            {
                float g = dr[t2] * scale;
                TensorPrimitives.FusedMultiplyAdd(new ReadOnlySpan<float>(qkv + t2 * c3 + c + h * hs, hs), g, dq, dq);
                var dk = new Span<float>(dqkv + t2 * c3 + c + h * hs, hs);
                TensorPrimitives.FusedMultiplyAdd(q, g, dk, dk);
            }
        }
    }

    private static void Check(int outLen, int attLen, int inpLen, int b, int t, int c, int nh)
    {
        if (nh <= 0 || c % nh != 0) throw new ArgumentException($"n_embd {c} is not divisible by n_head {nh}.");
        if (outLen != b * t * c) throw new ArgumentException($"out has {outLen} elements, expected {b * t * c}.");
        if (attLen != b * nh * t * t) throw new ArgumentException($"att has {attLen} elements, expected {b * nh * t * t}.");
        if (inpLen != b * t * 3 * c) throw new ArgumentException($"inp has {inpLen} elements, expected {b * t * 3 * c}.");
    }
}
