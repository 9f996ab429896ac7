namespace Assay.Learn.Training;

/// <summary>
/// Settings of a GPT training run. Tokens per optimizer step = BatchSize * SeqLen * GradAccumSteps.
/// Weight decay applies to matrices (embeddings and linear weights), not to biases or LayerNorm.
/// </summary>
public sealed record TrainOptions
{
    public int BatchSize { get; init; } = 8;
    public int SeqLen { get; init; } = 64;
    public int MaxSteps { get; init; } = 100;
    public int GradAccumSteps { get; init; } = 1;
    public float MaxLr { get; init; } = 3e-4f;
    public float MinLr { get; init; } = 3e-5f;
    public int WarmupSteps { get; init; } = 10;
    public float WeightDecay { get; init; } = 0.1f;
    public float Beta1 { get; init; } = 0.9f;
    public float Beta2 { get; init; } = 0.95f;
    public float Eps { get; init; } = 1e-8f;
    /// <summary>Clip the global gradient norm to this; 0 disables clipping.</summary>
    public float GradClip { get; init; } = 1f;
    public int Seed { get; init; }
    /// <summary>Save a resumable checkpoint every this many steps (and at the end); 0 = only at the end.</summary>
    public int CheckpointEvery { get; init; }
    /// <summary>Evaluate on the validation set every this many steps; 0 disables.</summary>
    public int EvalEvery { get; init; }
    public int EvalBatches { get; init; } = 4;
    /// <summary>Name of the tokenizer that made the data (an <see cref="LmTokenizer"/> name), recorded in checkpoints; null records none.</summary>
    public string? Tokenizer { get; init; }

    public void Validate()
    {
        static void Positive(int v, string name) { if (v < 1) throw new ArgumentException($"{name} must be >= 1, got {v}."); }
        Positive(BatchSize, nameof(BatchSize));
        Positive(SeqLen, nameof(SeqLen));
        Positive(GradAccumSteps, nameof(GradAccumSteps));
        Positive(EvalBatches, nameof(EvalBatches));
        if (MaxSteps < 0 || WarmupSteps < 0 || CheckpointEvery < 0 || EvalEvery < 0)
            throw new ArgumentException("MaxSteps, WarmupSteps, CheckpointEvery and EvalEvery must be >= 0.");
        if (!(MaxLr > 0) || MinLr < 0 || MinLr > MaxLr) throw new ArgumentException($"need 0 <= MinLr <= MaxLr and MaxLr > 0, got {MinLr}, {MaxLr}.");
        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1) throw new ArgumentException("Beta1 and Beta2 must be in [0, 1).");
        if (GradClip < 0 || WeightDecay < 0) throw new ArgumentException("GradClip and WeightDecay must be >= 0.");
    }
}
