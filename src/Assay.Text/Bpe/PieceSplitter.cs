namespace Assay.Text.Bpe;

/// <summary>Splits text into the pieces of a pattern, choosing the hand-written scanner when there is one.</summary>
internal sealed class PieceSplitter
{
    private readonly ScannerKind _kind;
    private readonly RegexScanner? _regex;

    public PieceSplitter(string pattern)
    {
        _kind = KindOf(pattern);
        if (_kind == ScannerKind.Regex) _regex = new RegexScanner(pattern);
    }

    public static ScannerKind KindOf(string pattern) => pattern switch
    {
        TiktokenPatterns.Cl100k => ScannerKind.Cl100k,
        TiktokenPatterns.O200k => ScannerKind.O200k,
        TiktokenPatterns.R50k => ScannerKind.R50k,
        _ => ScannerKind.Regex,
    };

    /// <summary>Appends the ranges of the pieces of <paramref name="text"/> to <paramref name="output"/>.</summary>
    public void Split(ReadOnlySpan<char> text, List<Range> output)
    {
        switch (_kind)
        {
            case ScannerKind.Cl100k: Split(new Cl100kScanner(), text, output); break;
            case ScannerKind.O200k: Split(new O200kScanner(), text, output); break;
            case ScannerKind.R50k: Split(new R50kScanner(), text, output); break;
            default: Split(_regex!, text, output); break;
        }
    }

    private static void Split<T>(T scanner, ReadOnlySpan<char> text, List<Range> output) where T : IPieceScanner
    {
        for (var pos = 0; pos < text.Length;)
        {
            var end = scanner.NextEnd(text, pos);
            if (end < 0) { pos = ~end; continue; }
            output.Add(pos..end);
            pos = end;
        }
    }
}
