namespace Assay.Text.Tests.Bpe;

/// <summary>One encoding shared by many threads (its merge cache included) gives each the same ids.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void SharedEncodingIsThreadSafe()
    {
        var enc = Encodings.Get("cl100k_base");
        var texts = TestCorpus.EnglishSentences(docs: 1).Take(2000).Concat(TestCorpus.EdgeCases).ToArray();
        var expected = texts.Select(t => enc.EncodeOrdinary(t)).ToArray();
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            // Each worker walks the texts in its own order, so cache slots are written concurrently.
            for (var k = 0; k < texts.Length; k++)
            {
                var i = (k * 7 + worker * 131) % texts.Length;
                if (!enc.EncodeOrdinary(texts[i]).AsSpan().SequenceEqual(expected[i])) Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }
}
