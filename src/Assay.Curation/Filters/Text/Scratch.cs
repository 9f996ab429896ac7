namespace Assay.Curation.Filters.Text;

/// <summary>Per-thread reusable buffers so measuring a document allocates nothing per word.</summary>
internal static class Scratch
{
    [ThreadStatic] private static WordTokens? _words;
    [ThreadStatic] private static List<Range>? _lines;

    public static WordTokens Words => _words ??= new WordTokens();
    public static List<Range> Lines => _lines ??= new List<Range>(64);
}
