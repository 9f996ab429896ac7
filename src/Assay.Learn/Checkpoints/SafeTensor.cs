namespace Assay.Learn.Checkpoints;

/// <summary>One tensor of a safetensors file, converted to float32; DType is what the file stored.</summary>
public sealed record SafeTensor(string Name, string DType, int[] Shape, float[] Data);
