using System.Text;
using Assay.Curation.Dedup;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Curation.Tests.Dedup;

public sealed class DiskSubstringTests : IDisposable
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(200);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-disksub-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    // Small alphabets make long repeats likely; "é" and "\0" put multi-byte characters and the NUL byte in.
    private static readonly string[] Pieces = ["a", "b", "ab", "é", "\0", "ba"];

    [Fact]
    public void SpansEqualInMemoryForRandomCorporaAndPartSizes()
    {
        var doc = Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat);
        var arb = (from k in Gen.Choose(1, 12)
                   from docs in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(doc, n))
                   from part in Gen.Elements(1L, 3L, 7L, 20L, 64L, 1L << 20)
                   from workers in Gen.Choose(1, 2)
                   select (k, docs, part, workers)).ToArbitrary();
        Check.One(Quick, Prop.ForAll(arb, input =>
        {
            var (k, docs, part, workers) = input;
            var bytes = docs.Select(d => Encoding.UTF8.GetBytes(d).Select(b => (int)b).ToArray()).ToArray();
            var expected = ExactSubstringDeduplicator.FindSpans(bytes, 255, k);
            using var disk = new DiskSubstringDeduplicator(_dir, new ExactSubstringOptions { MinLength = k, PartBytes = part, Workers = workers });
            foreach (string d in docs)
                disk.Add(d);
            disk.Find(TestContext.Current.CancellationToken);
            for (int d = 0; d < docs.Length; d++)
            {
                if (!disk.Spans(d).SequenceEqual(expected[d]))
                    return false;
            }
            return true;
        }));
    }

    // Keys longer than the LCP files' cap (127): repeats of long shared blocks that differ after 255 bytes or more.
    [Fact]
    public void SpansEqualInMemoryForKeysLongerThanTheLcpCap()
    {
        var rng = new Random(7);
        string Block(int n) => new(Enumerable.Range(0, n).Select(_ => "ab\0é"[rng.Next(4)]).ToArray());
        string[] blocks = [Block(300), Block(500), Block(260)];
        var piece = Gen.Elements(blocks.Concat(blocks.Select(b => b[..^20])).Concat(["a", "é", "ba"]).ToArray());
        var arb = (from k in Gen.Elements(100, 127, 128, 200, 255, 256, 300)
                   from docs in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 4).SelectMany(m => Gen.ArrayOf(piece, m)).Select(string.Concat), n))
                   from part in Gen.Elements(300L, 1_000L, 1L << 20)
                   select (k, docs, part)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(arb, input =>
        {
            var (k, docs, part) = input;
            var bytes = docs.Select(d => Encoding.UTF8.GetBytes(d).Select(b => (int)b).ToArray()).ToArray();
            var expected = ExactSubstringDeduplicator.FindSpans(bytes, 255, k);
            using var disk = new DiskSubstringDeduplicator(_dir, new ExactSubstringOptions { MinLength = k, PartBytes = part, Workers = 1 });
            foreach (string d in docs)
                disk.Add(d);
            disk.Find(TestContext.Current.CancellationToken);
            return Enumerable.Range(0, docs.Length).All(d => disk.Spans(d).SequenceEqual(expected[d]));
        }));
    }

    [Theory]
    [InlineData(1L << 20)]
    [InlineData(5000L)]
    [InlineData(300L)]
    public void RecordsEqualInMemoryOnRealText(long partBytes)
    {
        // Real sentences, with documents that copy pieces of earlier ones so there is something to remove.
        var texts = RealText.Documents(7, 60, 120);
        var docs = texts.Select((t, i) => new DedupDocument($"d{i:D2}", i % 3 == 2 ? texts[i - 1][..(texts[i - 1].Length / 2)] + " " + t : t)).ToList();
        var options = new ExactSubstringOptions { PartBytes = partBytes };
        var expected = ExactSubstringDeduplicator.Run(docs, options, TestContext.Current.CancellationToken);
        var actual = DiskSubstringDeduplicator.Run(docs, options, _dir, TestContext.Current.CancellationToken);
        Assert.Contains(expected, r => r.BytesRemoved > 0);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Text, actual[i].Text);
            Assert.Equal(expected[i].BytesRemoved, actual[i].BytesRemoved);
            Assert.Equal(expected[i].Spans, actual[i].Spans);
        }
    }

    // The block table against a binary search over all starts, for every byte: documents far shorter and far longer than a block.
    [Fact]
    public void DocumentAtEqualsBinarySearchOverAllStarts()
    {
        Directory.CreateDirectory(_dir);
        var rng = new Random(3);
        using var writer = new SubstringCorpusWriter(Path.Combine(_dir, "corpus.bin"));
        for (int d = 0; d < 400; d++)
            writer.Add(new string('x', rng.Next(3) switch { 0 => 0, 1 => rng.Next(1, 40), _ => rng.Next(4000, 13000) }));
        using var corpus = writer.Complete();
        for (long pos = 0; pos < corpus.Length; pos++)
        {
            int i = Array.BinarySearch(corpus.Starts, pos);
            Assert.Equal(i >= 0 ? i : ~i - 1, corpus.DocumentAt(pos));
        }
    }

    [Fact]
    public void PlanSplitsAtDocumentBoundaries()
    {
        long[] starts = [0, 4, 10, 11, 30, 31];
        Assert.Equal([(0L, 10), (10L, 1), (11L, 19), (30L, 1)], SuffixArrayParts.Plan(starts, 10));
        Assert.Equal([(0L, 31)], SuffixArrayParts.Plan(starts, 100));
        Assert.Equal([(0L, 4), (4L, 6), (10L, 1), (11L, 19), (30L, 1)], SuffixArrayParts.Plan(starts, 1));
    }

    [Fact]
    public void ApplyRejectsADifferentText()
    {
        using var disk = new DiskSubstringDeduplicator(_dir, new ExactSubstringOptions());
        disk.Add("first document");
        disk.Find(TestContext.Current.CancellationToken);
        Assert.Throws<ArgumentException>(() => disk.Apply(0, "x", "another text"));
    }
}
