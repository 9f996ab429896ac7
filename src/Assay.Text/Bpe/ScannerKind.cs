namespace Assay.Text.Bpe;

/// <summary>Which pre-tokenizer an encoding runs.</summary>
internal enum ScannerKind
{
    Regex,
    Cl100k,
    O200k,
    R50k,
}
