using Assay.Text.LanguageModel;

namespace Assay.Text.Tests.LanguageModel;

public sealed class ArpaTests
{
    [Fact]
    public void Round_trip_gives_identical_file_and_scores()
    {
        var docs = KneserNeyTests.SmallCorpus().ToList();
        var m = NgramTrainer.TrainText(docs, new NgramOptions { Order = 5 });
        var path = Path.Combine(Path.GetTempPath(), $"assay-arpa-{Guid.NewGuid():N}.arpa");
        try
        {
            ArpaWriter.Write(m, path);
            var back = ArpaReader.Read(path);
            Assert.Equal(m.Order, back.Order);
            for (int n = 1; n <= 5; n++) Assert.Equal(m.Count(n), back.Count(n));
            Assert.Equal(KneserNeyTests.Arpa(m), KneserNeyTests.Arpa(back));
            foreach (var d in docs.Take(20).Append("the cat ran to the unseen xylophone"))
            {
                var a = m.ScoreText(d);
                var b = back.ScoreText(d);
                Assert.Equal(a.Log10Prob, b.Log10Prob, 12);
                Assert.Equal(a.Oov, b.Oov);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Reads_srilm_style_file_with_spaces_and_missing_backoffs_and_no_unk()
    {
        const string arpa = """

            \data\
            ngram 1=4
            ngram 2=2

            \1-grams:
            -99 <s> -0.30103
            -0.5 a -0.2
            -0.6 b
            -0.7 </s>

            \2-grams:
            -0.1 <s> a
            -0.2 a b

            \end\
            """;
        var m = ArpaReader.Read(new StringReader(arpa));
        Assert.Equal(2, m.Order);
        // <s> a b </s>: p(a|<s>) + p(b|a) + [bo(b)=0 + p(</s>)]
        Assert.Equal(-0.1 - 0.2 - 0.7, m.ScoreText("a b").Log10Prob, 5);
        // Unseen bigram "b a": bo(b)=0 + p(a) = -0.5; then a </s>: bo(a) + p(</s>).
        Assert.Equal(-0.30103 - 0.5 + (-0.2 - 0.7) - 0.6 + 0 + 0, m.ScoreText("b a").Log10Prob - m.Log10Prob([NgramVocabulary.Bos], m.Vocabulary.Find("b")) + (-0.30103 - 0.6), 5);
        // <unk> missing from the file: KenLM substitutes -100.
        Assert.Equal(-100 + -0.30103, m.Log10Prob([NgramVocabulary.Bos], NgramVocabulary.Unk), 4);
    }

    [Fact]
    public void Truncated_file_names_the_section()
    {
        var e = Assert.Throws<FormatException>(() => ArpaReader.Read(new StringReader("\\data\\\nngram 1=3\n\n\\1-grams:\n-1 a\n")));
        Assert.Contains("1-grams", e.Message);
    }
}
