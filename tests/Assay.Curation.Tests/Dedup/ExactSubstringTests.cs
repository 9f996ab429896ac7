using System.Text;
using Assay.Curation.Dedup;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Curation.Tests.Dedup;

public sealed class ExactSubstringTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void RepeatedSpansMatchNaiveAcrossDocuments()
    {
        var doc = Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 2), n));
        var arb = Gen.Choose(1, 5).SelectMany(k => Gen.ArrayOf(doc, k).Select(docs => (k, docs))).ToArbitrary();
        Check.One(Quick, Prop.ForAll(arb, input =>
        {
            var (k, docs) = input;
            var spans = ExactSubstringDeduplicator.FindSpans(docs, 2, k);
            // Naive over the same separated concatenation.
            var text = new List<int>();
            for (int d = 0; d < docs.Length; d++)
            {
                text.AddRange(docs[d]);
                text.Add(3 + d);
            }
            var naive = RepeatedSpans.FindNaive([.. text], k);
            int pos = 0;
            for (int d = 0; d < docs.Length; d++)
            {
                var mask = new bool[docs[d].Length];
                foreach (var (s, e) in spans[d])
                {
                    for (int p = s; p < e; p++)
                        mask[p] = true;
                }
                for (int p = 0; p < mask.Length; p++)
                {
                    if (mask[p] != naive[pos + p])
                        return false;
                }
                pos += docs[d].Length + 1;
            }
            return true;
        }));
    }

    [Fact]
    public void RemovesLaterOccurrencesAndCountsBytes()
    {
        string shared = "This boilerplate sentence is long enough to exceed fifty bytes, clearly.";
        var docs = new List<DedupDocument>
        {
            new("a", "Intro one. " + shared + " Outro one."),
            new("b", "Intro two. " + shared + " Outro two."),
            new("c", "Nothing shared here at all, just a short note."),
        };
        var result = ExactSubstringDeduplicator.Run(docs, new ExactSubstringOptions(), TestContext.Current.CancellationToken);
        Assert.Equal(docs[0].Text, result[0].Text);
        Assert.Equal(0, result[0].BytesRemoved);
        Assert.Equal(1, result[1].SpansRemoved);
        // The repeat is the shared sentence plus the " Outro " / " " context around it.
        Assert.True(result[1].BytesRemoved >= shared.Length, $"removed {result[1].BytesRemoved}");
        Assert.DoesNotContain("boilerplate", result[1].Text);
        Assert.Equal("Intro twotwo.", result[1].Text); // ". " + shared + " Outro " repeats doc a
        Assert.Equal(docs[2].Text, result[2].Text);
    }

    [Fact]
    public void NothingShorterThanMinLengthIsRemoved()
    {
        var docs = new List<DedupDocument> { new("a", "short repeated phrase"), new("b", "short repeated phrase") };
        var result = ExactSubstringDeduplicator.Run(docs, new ExactSubstringOptions(), TestContext.Current.CancellationToken);
        Assert.All(result, r => Assert.Equal(0, r.BytesRemoved));
        var small = ExactSubstringDeduplicator.Run(docs, new ExactSubstringOptions { MinLength = 10 }, TestContext.Current.CancellationToken);
        Assert.Equal("", small[1].Text);
        Assert.Equal(Encoding.UTF8.GetByteCount(docs[1].Text), small[1].BytesRemoved);
    }

    [Fact]
    public void RemovalKeepsUtf8Valid()
    {
        string shared = string.Concat(Enumerable.Repeat("é€😀x", 20));
        var docs = new List<DedupDocument> { new("a", "ab" + shared), new("b", "é" + shared + "€") };
        var result = ExactSubstringDeduplicator.Run(docs, new ExactSubstringOptions { MinLength = 7 }, TestContext.Current.CancellationToken);
        foreach (var r in result)
        {
            var bytes = Encoding.UTF8.GetBytes(r.Text);
            Assert.Equal(r.Text, new UTF8Encoding(false, true).GetString(bytes));
            Assert.DoesNotContain('\uFFFD', r.Text);
        }
        Assert.True(result[1].BytesRemoved > 100);
    }
}
