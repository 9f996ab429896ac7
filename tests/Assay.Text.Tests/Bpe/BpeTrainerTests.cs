using System.Text;
using Assay.Text.Bpe;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Text.Tests.Bpe;

public sealed class BpeTrainerTests
{
    private static BpeVocabulary Train(IEnumerable<string> texts, int vocabSize, string pattern = TiktokenPatterns.Cl100k,
        IReadOnlyList<string>? specialTokens = null) =>
        BpeTrainer.Train(texts, vocabSize, pattern, specialTokens, progress: null, TestContext.Current.CancellationToken);

    private static readonly Lazy<List<string>> Sentences = new(() => TestCorpus.EnglishSentences(docs: 1).Take(1500).ToList());

    [Fact]
    public void IncrementalCountsMakeTheSameMergesAsRecounting()
    {
        // Small corpora over a tiny alphabet: many ties, repeated and overlapping pairs (aaa), merges
        // that rebuild existing bytes from another split.
        var corpus = Gen.ArrayOf(Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "b", "ab", " ", "é", "\n", "'s", "1"), n))
            .Select(string.Concat));
        Prop.ForAll(Arb.From(corpus), texts =>
        {
            var fast = Train(texts, 256 + 40).Merges;
            var slow = NaiveBpeTrainer.Train(texts, 256 + 40, TiktokenPatterns.Cl100k);
            return fast.SequenceEqual(slow);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void IncrementalCountsMatchRecountingOnRealText()
    {
        var texts = Sentences.Value.Take(300).ToList();
        Assert.Equal(NaiveBpeTrainer.Train(texts, 400, TiktokenPatterns.Cl100k), Train(texts, 400).Merges);
    }

    [Fact]
    public void TrainedVocabularyRoundTripsText()
    {
        var vocab = Train(Sentences.Value, 1000, specialTokens: ["<|endoftext|>"]);
        Assert.Equal(1000, vocab.Count);
        var enc = vocab.ToEncoding();
        foreach (var s in Sentences.Value.Take(200).Concat(TestCorpus.EdgeCases))
        {
            var ids = enc.EncodeOrdinary(s);
            Assert.Equal(Encoding.UTF8.GetBytes(s), enc.DecodeBytes(ids));
            Assert.All(ids, id => Assert.InRange(id, 0, 999));
        }
        Prop.ForAll(Arb.From(TestCorpus.Mixed(_ => true)),
                s => enc.DecodeBytes(enc.EncodeOrdinary(s)).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(s)))
            .QuickCheckThrowOnFailure();
        // Trained tokens compress the text they were trained on.
        var text = string.Join(" ", Sentences.Value.Take(200));
        Assert.True(enc.Count(text) < Encoding.UTF8.GetByteCount(text) / 2.5);
        Assert.Equal([1000], enc.Encode("<|endoftext|>", ["<|endoftext|>"]));
    }

    [Fact]
    public void SameInputGivesIdenticalFiles()
    {
        var dir = Directory.CreateTempSubdirectory("assay-bpe-train-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.tiktoken");
            var b = Path.Combine(dir.FullName, "b.tiktoken");
            Train(Sentences.Value, 700, specialTokens: ["<|endoftext|>", "<|pad|>"]).Save(a);
            Train(Sentences.Value, 700, specialTokens: ["<|endoftext|>", "<|pad|>"]).Save(b);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(a, ".json")), File.ReadAllBytes(Path.ChangeExtension(b, ".json")));
            Assert.Equal(700, File.ReadAllLines(a).Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void SavedFileLoadsAsTheSameEncoding()
    {
        var dir = Directory.CreateTempSubdirectory("assay-bpe-train-");
        try
        {
            var path = Path.Combine(dir.FullName, "mini.tiktoken");
            var vocab = Train(Sentences.Value, 600, TiktokenPatterns.R50k, ["<|endoftext|>"]);
            vocab.Save(path);
            var loaded = TiktokenEncoding.Load(path);
            Assert.Equal("mini", loaded.Name);
            Assert.Equal(TiktokenPatterns.R50k, loaded.Pattern);
            Assert.Equal(600, loaded.SpecialTokens["<|endoftext|>"]);
            var direct = vocab.ToEncoding();
            foreach (var s in Sentences.Value.Take(100))
                Assert.Equal(direct.EncodeOrdinary(s), loaded.EncodeOrdinary(s));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void MergesOnASmallCorpusAreTheExpectedOnes()
    {
        // " low" ×5, " lower" ×2, " newest" ×6, " widest" ×3 (the pieces of the classic BPE example).
        var texts = new List<string>();
        for (var i = 0; i < 5; i++) texts.Add(" low");
        for (var i = 0; i < 2; i++) texts.Add(" lower");
        for (var i = 0; i < 6; i++) texts.Add(" newest");
        for (var i = 0; i < 3; i++) texts.Add(" widest");
        var vocab = Train(texts, 256 + 20);
        string Bytes(int id) => Encoding.UTF8.GetString(vocab.TokenBytes(id));
        var made = vocab.Merges.Select(m => Bytes(m.Result)).ToList();
        // "es" and "st" both occur 9 times; ties go to the smaller left id ('e' < 's'), then "est".
        // At 7, " l" (left ' ') beats "lo" and "ow"; then "ow" (left 'o') beats the new " l"+"o",
        // because the new token has a larger id. The same rule orders the " newest" merges.
        Assert.Equal(["es", "est", " l", "ow", " low", " n", "ew", " new", " newest"], made.Take(9));
        Assert.Equal(9, vocab.Merges[0].Count);
        Assert.Contains(" widest", made);
        var enc = vocab.ToEncoding();
        Assert.Single(enc.EncodeOrdinary(" newest"));
        Assert.Equal(2, enc.EncodeOrdinary(" lowest").Length);   // " low" + "est"
    }

    [Fact]
    public void CustomPatternUsesRegexScanner()
    {
        const string pattern = @"\S+|\s+";
        var vocab = Train(["aa bb aa bb aa", "bb aa"], 260, pattern);
        var enc = vocab.ToEncoding();
        Assert.Equal(pattern, enc.Pattern);
        Assert.Equal(["aa", " ", "bb"], enc.EncodeOrdinary("aa bb").Select(id => Encoding.UTF8.GetString(enc.TokenBytes(id))));
    }
}
