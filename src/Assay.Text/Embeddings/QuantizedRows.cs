using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Assay.Text.Embeddings;

/// <summary>
/// Projection rows stored as int8 with one float scale per row (symmetric per-row quantization,
/// scale = max|x|/127). Embedding is a gather of ~1,000 random rows per document out of a table of
/// hundreds of MB, so it is bound by memory traffic: int8 moves a quarter of float32's bytes
/// (256 B per row at d=256, four cache lines), at a relative error of at most 1/254 per element.
/// </summary>
internal static class QuantizedRows
{
    /// <summary>Quantizes row-major float rows [rows × d] into int8 values and per-row scales.</summary>
    public static (sbyte[] Values, float[] Scales) Quantize(ReadOnlySpan<float> rows, int d)
    {
        int n = d == 0 ? 0 : rows.Length / d;
        var values = new sbyte[rows.Length];
        var scales = new float[n];
        for (int r = 0; r < n; r++)
        {
            var row = rows.Slice(r * d, d);
            float max = TensorPrimitives.MaxMagnitude(row);
            float scale = max == 0 ? 0 : Math.Abs(max) / 127f;
            scales[r] = scale;
            if (scale == 0) continue;
            for (int i = 0; i < d; i++) values[r * d + i] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
        }
        return (values, scales);
    }

    /// <summary>acc[i] += w · q[i] (the reference the vector path is tested against).</summary>
    public static void AccumulateScalar(ReadOnlySpan<sbyte> q, float w, Span<float> acc)
    {
        for (int i = 0; i < q.Length; i++) acc[i] += w * q[i];
    }

    /// <summary>acc[i] += w · q[i], 32 lanes at a time with AVX2 (widen int8 → int32 → float, then FMA), scalar tail.</summary>
    public static void Accumulate(ReadOnlySpan<sbyte> q, float w, Span<float> acc)
    {
        if (q.Length != acc.Length) ThrowLength();
        int i = 0;
        if (Avx2.IsSupported && q.Length >= 32)
        {
            ref sbyte qs = ref MemoryMarshal.GetReference(q);
            ref float a = ref MemoryMarshal.GetReference(acc);
            var wv = Vector256.Create(w);
            for (; i + 32 <= q.Length; i += 32)
            {
                var bytes = Vector256.LoadUnsafe(ref qs, (nuint)i);
                var (lo, hi) = Vector256.Widen(bytes);
                Step(ref a, i, Vector256.Widen(lo), wv);
                Step(ref a, i + 16, Vector256.Widen(hi), wv);
            }
        }
        AccumulateScalar(q[i..], w, acc[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref float a, int i, (Vector256<int> Lower, Vector256<int> Upper) ints, Vector256<float> w)
    {
        var a0 = Vector256.LoadUnsafe(ref a, (nuint)i);
        var a1 = Vector256.LoadUnsafe(ref a, (nuint)(i + 8));
        a0 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(ints.Lower), w, a0);
        a1 = Vector256.FusedMultiplyAdd(Vector256.ConvertToSingle(ints.Upper), w, a1);
        a0.StoreUnsafe(ref a, (nuint)i);
        a1.StoreUnsafe(ref a, (nuint)(i + 8));
    }

    /// <summary>Hints the CPU to fetch a row that will be read shortly (hides DRAM latency of the random gather).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch(ReadOnlySpan<sbyte> row)
    {
        if (!Sse.IsSupported) return;
        fixed (sbyte* p = row)
            for (int off = 0; off < row.Length; off += 64) Sse.Prefetch0(p + off);
    }

    private static void ThrowLength() => throw new ArgumentException("row and accumulator lengths differ");
}
