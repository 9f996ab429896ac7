namespace Assay.Text.FastText;

/// <summary>Reported once per epoch: mean loss over that epoch's examples and the current learning rate.</summary>
public readonly record struct FastTextTrainProgress(int Epoch, int Epochs, double MeanLoss, float LearningRate);
