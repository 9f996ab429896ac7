namespace Assay.Learn.Gpt;

/// <summary>
/// A named slice of the parameter buffer. Names are Hugging Face GPT2LMHeadModel's; Shape is our
/// layout. Linear weights are stored (out, in) like torch.nn.Linear, so for the Conv1D weights of
/// GPT-2 (stored [in, out] in checkpoints) <see cref="TransposedInCheckpoint"/> is true.
/// </summary>
public sealed record ParameterTensor(string Name, int Offset, int[] Shape, bool TransposedInCheckpoint)
{
    public int Count => Shape.Aggregate(1, (a, b) => a * b);
}
