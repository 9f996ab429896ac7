using System.Text;
using Assay.Text.Normalization;

namespace Assay.Text.Tests.Normalization;

public sealed class UnicodeNormalizerTests
{
    [Fact]
    public void Nfc_composes_decomposed_accents_and_counts_the_clusters()
    {
        var nfc = new UnicodeNormalizer(NormalizationForm.FormC);
        // "Café" typed on macOS: e + COMBINING ACUTE ACCENT.
        string result = nfc.Apply("Cafe\u0301 ou the\u0301", out int changed);
        Assert.Equal("Caf\u00E9 ou th\u00E9", result);
        Assert.Equal(4, changed);
        Assert.Equal("nfc_v1", nfc.Name);
    }

    [Fact]
    public void Nfc_leaves_normalized_text_untouched()
    {
        var nfc = new UnicodeNormalizer(NormalizationForm.FormC);
        const string text = "Déjà vu — 東京 ﬁ ①";
        Assert.Same(text, nfc.Apply(text, out int changed));
        Assert.Equal(0, changed);
    }

    [Fact]
    public void Nfkc_folds_compatibility_forms()
    {
        var nfkc = new UnicodeNormalizer(NormalizationForm.FormKC);
        string result = nfkc.Apply("ﬁnance Ｆｕｌｌ x² ①", out int changed);
        Assert.Equal("finance Full x2 1", result);
        Assert.Equal(1 + 4 + 1 + 1, changed);
    }

    [Fact]
    public void Unpaired_surrogates_pass_through()
    {
        var nfc = new UnicodeNormalizer(NormalizationForm.FormC);
        Assert.Equal("\u00E9\uD800x", nfc.Apply("e\u0301\uD800x", out int changed));
        Assert.Equal(2, changed);
    }

    [Fact]
    public void Hangul_composes_and_decomposes_algorithmically()
    {
        var nfc = new UnicodeNormalizer(NormalizationForm.FormC);
        var nfd = new UnicodeNormalizer(NormalizationForm.FormD);
        Assert.Equal("\uD55C\uAE00", nfc.Normalize("\u1112\u1161\u11AB\u1100\u1173\u11AF"));
        Assert.Equal("\u1112\u1161\u11AB\u1100\u1173\u11AF", nfd.Normalize("\uD55C\uAE00"));
    }

    /// <summary>
    /// The Unicode conformance file NormalizationTest.txt (15.0.0; parts 0, 2, 3 whole and every
    /// third line of part 1, checked in under data/): every invariant of the file's header.
    /// </summary>
    [Fact]
    public void Passes_unicode_normalization_conformance_tests()
    {
        string path = Path.Combine(FastText.ExternalTools.RepoRoot, "tests", "Assay.Text.Tests", "Normalization", "data", "NormalizationTest-15.0.0-subset.txt.gz");
        using var reader = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress));
        var nfc = new UnicodeNormalizer(NormalizationForm.FormC);
        var nfd = new UnicodeNormalizer(NormalizationForm.FormD);
        var nfkc = new UnicodeNormalizer(NormalizationForm.FormKC);
        var nfkd = new UnicodeNormalizer(NormalizationForm.FormKD);
        int cases = 0;
        var failures = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] is '#' or '@')
                continue;
            var c = line.Split(';').Take(5).Select(f => string.Concat(f.Split(' ').Select(h => char.ConvertFromUtf32(Convert.ToInt32(h, 16))))).ToArray();
            cases++;
            void Check(UnicodeNormalizer n, int expected, params int[] inputs)
            {
                foreach (int i in inputs)
                    if (n.Normalize(c[i]) != c[expected] && failures.Count < 10)
                        failures.Add($"{n.Name}(c{i + 1}) != c{expected + 1} in: {line}");
            }
            Check(nfc, 1, 0, 1, 2);
            Check(nfc, 3, 3, 4);
            Check(nfd, 2, 0, 1, 2);
            Check(nfd, 4, 3, 4);
            Check(nfkc, 3, 0, 1, 2, 3, 4);
            Check(nfkd, 4, 0, 1, 2, 3, 4);
        }
        Assert.True(cases > 7000, $"{cases} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
