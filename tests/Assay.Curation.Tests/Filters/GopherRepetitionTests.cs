using Assay.Curation.Filters.Gopher;

namespace Assay.Curation.Tests.Filters;

public sealed class GopherRepetitionTests
{
    private static readonly GopherRepetitionOptions Defaults = new();

    private static double[] Flatten(GopherRepetitionMeasures m) =>
    [
        m.DupParagraphFraction, m.DupParagraphCharFraction, m.DupLineFraction, m.DupLineCharFraction,
        .. m.TopNGramCharFractions.Select(t => t.Fraction), .. m.DupNGramCharFractions.Select(t => t.Fraction),
    ];

    [Fact]
    public void DefaultsAreTableA1()
    {
        Assert.Equal((0.3, 0.3, 0.2, 0.2), (Defaults.DupLineFrac, Defaults.DupParaFrac, Defaults.DupLineCharFrac, Defaults.DupParaCharFrac));
        Assert.Equal([0.20, 0.18, 0.16], Defaults.TopNGrams.OrderBy(p => p.Key).Select(p => p.Value));
        Assert.Equal([0.15, 0.14, 0.13, 0.12, 0.11, 0.10], Defaults.DupNGrams.OrderBy(p => p.Key).Select(p => p.Value));
    }

    [Fact]
    public void HandCountedLinesAndTopBigram()
    {
        const string text = "foo bar\nfoo bar\nbaz"; // 19 chars
        var m = GopherRepetitionMeasures.Compute(text);
        Assert.Equal(1.0 / 3, m.DupLineFraction, 12);
        Assert.Equal(7.0 / 19, m.DupLineCharFraction, 12);
        Assert.Equal(0, m.DupParagraphFraction);
        Assert.Equal(14.0 / 19, m.TopNGramCharFractions[0].Fraction, 12); // "foo bar" ×2
        Assert.Equal("gopher_repetition:dup_line_frac", new GopherRepetitionFilter(Defaults).Judge(TestRecords.Make(text)).Reason);
    }

    [Fact]
    public void DuplicateNGramWalkJumpsAfterARepeat()
    {
        // 5-grams: "abcde" at 0 … again at 5 → +5 chars and jump to 10 (end).
        const string text = "a b c d e a b c d e"; // 19 chars
        var m = GopherRepetitionMeasures.Compute(text, [], [5]);
        Assert.Equal(5.0 / 19, m.DupNGramCharFractions[0].Fraction, 12);
    }

    [Fact]
    public void DuplicateNGramsJoinWithoutSeparatorLikeDatatrove()
    {
        // "".join(["ab","c"]) == "".join(["a","bc"]): datatrove counts this as a repeat.
        var m = GopherRepetitionMeasures.Compute("ab c a bc", [], [2]);
        Assert.Equal(3.0 / 9, m.DupNGramCharFractions[0].Fraction, 12);
    }

    [Fact]
    public void TopNGramTiesGoToTheFirstInserted()
    {
        // Bigrams: "x yy"(0) "yy q"(1) "q q"(2) "q q"(3) "q x"(4) "x yy"(5): both "x yy" and "q q" occur twice;
        // "q q" reaches 2 first but "x yy" was inserted first, and Counter.most_common(1) returns it.
        const string text = "x yy q q q x yy";
        var m = GopherRepetitionMeasures.Compute(text, [2], []);
        Assert.Equal(4.0 * 2 / text.Length, m.TopNGramCharFractions[0].Fraction, 12);
    }

    [Fact]
    public void ParagraphRules()
    {
        string para = "This paragraph is written once and then again.";
        string text = $"{para}\n\n{para}\n\nA different closing paragraph with other words entirely here.";
        var m = GopherRepetitionMeasures.Compute(text);
        Assert.Equal(1.0 / 3, m.DupParagraphFraction, 12);
        Assert.Equal((double)para.Length / text.Length, m.DupParagraphCharFraction, 12);
        Assert.Equal("gopher_repetition:dup_para_frac", new GopherRepetitionFilter(Defaults).Judge(TestRecords.Make(text)).Reason);
    }

    [Theory]
    [InlineData(0.30, true)]
    [InlineData(0.31, false)]
    public void DupLineFractionBoundary(double frac, bool kept)
    {
        var m = Measures(dupLine: frac);
        Assert.Equal(kept, GopherRepetitionFilter.Decide(m, Defaults).Keep);
    }

    [Fact]
    public void EveryThresholdIsStrictlyGreater()
    {
        Assert.True(GopherRepetitionFilter.Decide(Measures(paraFrac: 0.3, paraChar: 0.2, dupLine: 0.3, lineChar: 0.2,
            top: [0.2, 0.18, 0.16], dup: [0.15, 0.14, 0.13, 0.12, 0.11, 0.10]), Defaults).Keep);
        Assert.Equal("gopher_repetition:dup_para_frac", GopherRepetitionFilter.Decide(Measures(paraFrac: 0.31), Defaults).Reason);
        Assert.Equal("gopher_repetition:dup_para_char_frac", GopherRepetitionFilter.Decide(Measures(paraChar: 0.21), Defaults).Reason);
        Assert.Equal("gopher_repetition:dup_line_char_frac", GopherRepetitionFilter.Decide(Measures(lineChar: 0.21), Defaults).Reason);
        Assert.Equal("gopher_repetition:top_3_gram", GopherRepetitionFilter.Decide(Measures(top: [0, 0.181, 0]), Defaults).Reason);
        Assert.Equal("gopher_repetition:duplicated_10_n_grams",
            GopherRepetitionFilter.Decide(Measures(dup: [0, 0, 0, 0, 0, 0.101]), Defaults).Reason);
    }

    [Fact]
    public void OrdinaryProseIsKeptAndSignalsWritten()
    {
        var record = TestRecords.Make(
            "The committee met on Tuesday to discuss the budget. Several members raised concerns about rising costs,\n" +
            "while others argued that new investment in schools would pay for itself over a decade.\n\n" +
            "After a long debate, the proposal passed with a narrow majority and will take effect next spring.");
        Assert.True(new GopherRepetitionFilter(Defaults).Judge(record).Keep);
        foreach (var name in new[] { "dup_line_frac", "top_2_gram_char_frac", "dup_10_gram_char_frac" })
            Assert.True(TestRecords.HasSignal(record, "gopher_repetition", name));
    }

    public static TheoryData<string[]> Vocabularies => new()
    {
        // Short tokens: most n-grams are under 8 chars (always hashed).
        new[] { "a", "to", "the", "cat", "ran", "far", "b.", "x,", "\"q\"", "it's", "...", "#" },
        // Long tokens and splits that concatenate alike ("in to" / "into", "of the" / "ofthe"): exercises the 8-char anchors.
        new[] { "government", "congress", "in", "to", "into", "of", "the", "ofthe", "people", "peoplenation", "nation", "United", "States," },
    };

    /// <summary>The hashed implementation equals the string reference on random repetitive documents.</summary>
    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void MatchesStringReferenceOnRandomDocuments(string[] vocab)
    {
        var rng = new Random(7);
        int[] topNs = [2, 3, 4];
        int[] dupNs = [5, 6, 7, 8, 9, 10];
        for (int doc = 0; doc < 300; doc++)
        {
            var sb = new System.Text.StringBuilder();
            int words = rng.Next(0, 120);
            for (int w = 0; w < words; w++)
            {
                sb.Append(vocab[rng.Next(rng.Next(1, vocab.Length + 1))]);
                int sep = rng.Next(12);
                sb.Append(sep switch { 0 => "\n", 1 => "\n\n", 2 => "\n\n\n", 3 => "  ", _ => " " });
            }
            string text = sb.ToString();
            var expected = NaiveRepetition.Compute(text, topNs, dupNs);
            var actual = Flatten(GopherRepetitionMeasures.Compute(text, topNs, dupNs));
            Assert.Equal(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
                Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-12, $"doc {doc} measure {i}: {expected[i]} vs {actual[i]} in {text}");
        }
    }

    /// <summary>A long document (thousands of lines and n-grams) makes every hash table grow past its first size.</summary>
    [Fact]
    public void MatchesStringReferenceOnALongDocument()
    {
        var rng = new Random(11);
        var sb = new System.Text.StringBuilder();
        for (int line = 0; line < 3000; line++)
        {
            int words = rng.Next(1, 9);
            for (int w = 0; w < words; w++) sb.Append("w").Append(rng.Next(rng.Next(1, 400))).Append(w + 1 < words ? ' ' : '.');
            sb.Append(rng.Next(5) == 0 ? "\n\n" : "\n");
        }
        string text = sb.ToString();
        int[] topNs = [2, 3, 4];
        int[] dupNs = [5, 6, 7, 8, 9, 10];
        var expected = NaiveRepetition.Compute(text, topNs, dupNs);
        var actual = Flatten(GopherRepetitionMeasures.Compute(text, topNs, dupNs));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 12);
    }

    private static GopherRepetitionMeasures Measures(double paraFrac = 0, double paraChar = 0, double dupLine = 0, double lineChar = 0,
        double[]? top = null, double[]? dup = null) => GopherRepetitionMeasures.Of(paraFrac, paraChar, dupLine, lineChar,
        [.. (top ?? [0, 0, 0]).Select((f, i) => (i + 2, f))], [.. (dup ?? [0, 0, 0, 0, 0, 0]).Select((f, i) => (i + 5, f))]);
}
