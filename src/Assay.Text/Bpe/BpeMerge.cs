namespace Assay.Text.Bpe;

/// <summary>One training step: tokens <paramref name="Left"/> and <paramref name="Right"/> were joined into <paramref name="Result"/>, which occurred <paramref name="Count"/> times then.</summary>
public readonly record struct BpeMerge(int Left, int Right, int Result, long Count);
