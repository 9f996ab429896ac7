using Assay.Text.Embeddings;

namespace Assay.Text.Tests.Embeddings;

public sealed class QuantizedRowsTests
{
    [Fact]
    public void Vector_accumulate_matches_scalar_reference_for_every_length()
    {
        var rng = new Random(3);
        for (int n = 0; n <= 300; n++)
        {
            var q = Enumerable.Range(0, n).Select(_ => (sbyte)rng.Next(-127, 128)).ToArray();
            var start = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
            var fast = (float[])start.Clone();
            var slow = (float[])start.Clone();
            QuantizedRows.Accumulate(q, 0.37f, fast);
            QuantizedRows.AccumulateScalar(q, 0.37f, slow);
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(fast[i] - slow[i]) <= 1e-5f * (1 + Math.Abs(slow[i])), $"n={n} i={i}: {fast[i]} vs {slow[i]}");
        }
    }

    [Fact]
    public void Quantization_error_is_within_half_a_step_per_element()
    {
        var rng = new Random(4);
        int d = 37;
        var rows = Enumerable.Range(0, d * 5).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        rows.AsSpan(2 * d, d).Clear(); // an all-zero row keeps scale 0
        var (values, scales) = QuantizedRows.Quantize(rows, d);
        Assert.Equal(0f, scales[2]);
        for (int r = 0; r < 5; r++)
            for (int i = 0; i < d; i++)
                Assert.True(Math.Abs(values[r * d + i] * scales[r] - rows[r * d + i]) <= scales[r] / 2 + 1e-7f);
    }
}
