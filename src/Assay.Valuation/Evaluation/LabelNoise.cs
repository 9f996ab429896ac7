using Assay.Valuation.Data;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Evaluation;

/// <summary>Flips a fraction of labels to a different class chosen uniformly (OpenDataVal's label-noise injection).</summary>
public static class LabelNoise
{
    public static (DenseData Noisy, int[] Flipped) Flip(DenseData data, double rate, int seed)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), "rate must be in [0, 1]");
        if (data.ClassCount < 2) throw new ArgumentException("label flipping needs at least 2 classes");
        var rng = Seeds.For(seed, 0x4E01);
        var order = Seeds.Permutation(rng, data.Count);
        var flipped = order[..(int)Math.Round(rate * data.Count)].Order().ToArray();
        var y = data.Labels.ToArray();
        foreach (var i in flipped)
        {
            int shift = 1 + rng.Next(data.ClassCount - 1);
            y[i] = (y[i] + shift) % data.ClassCount;
        }
        return (data.WithLabels(y), flipped);
    }
}
