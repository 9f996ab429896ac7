using System.Text.RegularExpressions;
using Assay.Text.Bpe;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Text.Tests.Bpe;

/// <summary>
/// The hand-written scanners split exactly as the (JS-translated) .NET regex of the same pattern.
/// .NET regex sees UTF-16 units, not code points, so the inputs have no valid surrogate pairs
/// (lone surrogates stay); supplementary code points are covered by the js-tiktoken oracle test.
/// </summary>
public sealed class ScannerTests
{
    private static string WithoutSurrogatePairs(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static List<string> ScannerPieces<T>(T scanner, string s) where T : IPieceScanner
    {
        var pieces = new List<string>();
        for (var pos = 0; pos < s.Length;)
        {
            var end = scanner.NextEnd(s, pos);
            Assert.True(end > pos, $"no progress at {pos} in {JsOracle.Show(s)}");
            pieces.Add(s[pos..end]);
            pos = end;
        }
        return pieces;
    }

    private static List<string> RegexPieces(string pattern, string s)
    {
        var regex = new Regex(RegexScanner.TranslateJsPattern(pattern), RegexOptions.CultureInvariant);
        var pieces = regex.Matches(s).Select(m => m.Value).ToList();
        Assert.Equal(s, string.Concat(pieces));   // the tiktoken patterns leave nothing unmatched
        return pieces;
    }

    private static void Check<T>(T scanner, string pattern) where T : IPieceScanner
    {
        var strings = Arb.From(TestCorpus.Mixed(cp => cp <= 0xFFFF).Select(WithoutSurrogatePairs));
        Prop.ForAll(strings, s => ScannerPieces(scanner, s).SequenceEqual(RegexPieces(pattern, s)))
            .QuickCheckThrowOnFailure();
        foreach (var s in TestCorpus.EdgeCases.Select(WithoutSurrogatePairs))
            Assert.Equal(RegexPieces(pattern, s), ScannerPieces(scanner, s));
    }

    [Fact]
    public void Cl100kScannerMatchesRegex() => Check(new Cl100kScanner(), TiktokenPatterns.Cl100k);

    [Fact]
    public void O200kScannerMatchesRegex() => Check(new O200kScanner(), TiktokenPatterns.O200k);

    [Fact]
    public void R50kScannerMatchesRegex() => Check(new R50kScanner(), TiktokenPatterns.R50k);

    [Fact]
    public void RegexScannerFallbackSplitsLikeRegex()
    {
        var scanner = new RegexScanner(TiktokenPatterns.Cl100k);
        const string s = "Hello, world!  It's 12345 o'clock\n\n  ok";
        Assert.Equal(RegexPieces(TiktokenPatterns.Cl100k, s), ScannerPieces(scanner, s));
    }

    [Fact]
    public void RegexScannerSkipsWhatJsMatchAllSkips()
    {
        // JS matchAll: unmatched code points form no piece; an empty match is an empty piece and
        // the search goes on one code point later, so "-" below is in no piece (node gives
        // [0,'ab'] [2,''] [3,'x'] [4,'12'] [6,''] for this pattern and text).
        var scanner = new RegexScanner(@"[a-z]+|\d*");
        var s = "ab-x12";
        var pieces = new List<string>();
        for (var pos = 0; pos < s.Length;)
        {
            var end = scanner.NextEnd(s, pos);
            if (end < 0) { Assert.True(~end > pos); pos = ~end; continue; }
            pieces.Add(s[pos..end]);
            pos = end;
        }
        Assert.Equal(["ab", "x", "12"], pieces);
    }

    [Fact]
    public void ScannersSplitKnownExamples()
    {
        Assert.Equal(["Hello", ",", " world", "!!", "  ", " It", "'s", " ", "123", "45", "\n\n", "x"],
            ScannerPieces(new Cl100kScanner(), "Hello, world!!   It's 12345\n\nx"));
        Assert.Equal(["Hello", ",", " world", "!!", "  ", " It", "'s", " 12345", "\n", "\n", "x"],
            ScannerPieces(new R50kScanner(), "Hello, world!!   It's 12345\n\nx"));
        Assert.Equal([" HTTPServer's", " i", "Phone", " ʰʲ"],
            ScannerPieces(new O200kScanner(), " HTTPServer's iPhone ʰʲ"));
        // A supplementary letter is one code point: the scanner keeps the pair together.
        Assert.Equal(["𝐀𝐁", " x"], ScannerPieces(new Cl100kScanner(), "𝐀𝐁 x"));
    }

    [Fact]
    public void JsWhiteSpaceDiffersFromDotNet()
    {
        // JS \s has U+FEFF and lacks U+0085; .NET's \s is the other way round.
        Assert.True(CharClass.IsJsSpace(0xFEFF));
        Assert.False(CharClass.IsJsSpace(0x85));
        // A run of two spaces before a letter leaves the last one to prefix the word; "other" runs stay whole.
        Assert.Equal(["\uFEFF", "\uFEFFb"], ScannerPieces(new Cl100kScanner(), "\uFEFF\uFEFFb"));
        Assert.Equal(["\u0085\u0085", "b"], ScannerPieces(new Cl100kScanner(), "\u0085\u0085b"));
    }
}
