namespace Assay.Learn.Training;

/// <summary>Where a training run left its outputs and how far it got.</summary>
public sealed record TrainResult(int Steps, int ResumedFromStep, float FinalLoss, string LossLogPath, string CheckpointDirectory);
