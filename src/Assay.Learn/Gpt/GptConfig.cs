namespace Assay.Learn.Gpt;

/// <summary>Shape of a GPT-2 style decoder; names follow Hugging Face's config.json.</summary>
public sealed record GptConfig(int VocabSize, int MaxSeqLen, int NumLayers, int NumHeads, int Channels)
{
    public void Validate()
    {
        if (VocabSize < 1) throw new ArgumentException($"vocab_size must be positive, got {VocabSize}.");
        if (MaxSeqLen < 1) throw new ArgumentException($"n_positions must be positive, got {MaxSeqLen}.");
        if (NumLayers < 1) throw new ArgumentException($"n_layer must be positive, got {NumLayers}.");
        if (NumHeads < 1 || Channels < 1 || Channels % NumHeads != 0)
            throw new ArgumentException($"n_embd ({Channels}) must be a positive multiple of n_head ({NumHeads}).");
    }

    public int HeadSize => Channels / NumHeads;
}
