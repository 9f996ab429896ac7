namespace Assay.Text.Bpe;

/// <summary>What a rank file says: the merges by rank, the split pattern and the special tokens.</summary>
internal sealed record RankFile(string Name, string Pattern, IReadOnlyList<(byte[] Bytes, int Rank)> Ranks, IReadOnlyDictionary<string, int> SpecialTokens);
