namespace Assay.Learn.Training;

/// <summary>One optimizer step's figures, as reported through IProgress and written to loss.jsonl.</summary>
public sealed record TrainProgress(int Step, float Loss, float LearningRate, double GradNorm, long Tokens, double Milliseconds, float? ValLoss);
