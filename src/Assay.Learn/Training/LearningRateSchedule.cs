namespace Assay.Learn.Training;

/// <summary>Linear warmup to MaxLr over WarmupSteps, then cosine decay to MinLr at TotalSteps.</summary>
public sealed record LearningRateSchedule(float MaxLr, float MinLr, int WarmupSteps, int TotalSteps)
{
    /// <summary>Learning rate for the 0-based step.</summary>
    public float At(int step)
    {
        if (step < WarmupSteps) return MaxLr * (step + 1) / WarmupSteps;
        if (step >= TotalSteps) return MinLr;
        double progress = (double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps);
        return (float)(MinLr + 0.5 * (1 + Math.Cos(Math.PI * progress)) * (MaxLr - MinLr));
    }
}
