namespace Assay.Text.FastText;

/// <summary>
/// Settings of <see cref="FastTextTrainer"/>; defaults are fastText's for <c>supervised</c>.
/// Validated when training starts.
/// </summary>
public sealed record FastTextTrainOptions
{
    public int Dim { get; init; } = 100;
    public float LearningRate { get; init; } = 0.1f;
    public int Epoch { get; init; } = 5;
    public int MinCount { get; init; } = 1;
    public int WordNgrams { get; init; } = 1;
    public int Minn { get; init; }
    public int Maxn { get; init; }

    /// <summary>Hash buckets for character and word n-grams; fastText sets it to 0 when neither is used.</summary>
    public int Bucket { get; init; } = 2_000_000;

    /// <summary>Softmax (fastText's default for supervised) or hierarchical softmax.</summary>
    public FastTextLoss Loss { get; init; } = FastTextLoss.Softmax;

    /// <summary>Tokens between learning-rate updates, as fastText's <c>-lrUpdateRate</c>.</summary>
    public int LrUpdateRate { get; init; } = 100;

    public int Seed { get; init; }

    /// <summary>
    /// Visit examples in a new seeded order every epoch. fastText reads its file in order (and asks
    /// you to shuffle it first); shuffling here makes data grouped by label safe to pass directly.
    /// </summary>
    public bool Shuffle { get; init; } = true;

    internal void Validate()
    {
        if (Dim <= 0) throw new ArgumentOutOfRangeException(nameof(Dim), Dim, "must be positive");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be positive");
        if (Epoch <= 0) throw new ArgumentOutOfRangeException(nameof(Epoch), Epoch, "must be positive");
        if (MinCount <= 0) throw new ArgumentOutOfRangeException(nameof(MinCount), MinCount, "must be positive");
        if (WordNgrams <= 0) throw new ArgumentOutOfRangeException(nameof(WordNgrams), WordNgrams, "must be positive");
        if (Minn < 0 || Maxn < 0 || (Maxn > 0 && Minn > Maxn) || (Maxn > 0 && Minn == 0))
            throw new ArgumentOutOfRangeException(nameof(Minn), $"minn={Minn} maxn={Maxn}: need 0 < minn ≤ maxn, or maxn = 0");
        if (Bucket < 0) throw new ArgumentOutOfRangeException(nameof(Bucket), Bucket, "must be ≥ 0");
        if (LrUpdateRate <= 0) throw new ArgumentOutOfRangeException(nameof(LrUpdateRate), LrUpdateRate, "must be positive");
        if (Loss is not (FastTextLoss.Softmax or FastTextLoss.HierarchicalSoftmax))
            throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "training supports Softmax and HierarchicalSoftmax");
    }
}
