using Assay.Curation.Dedup;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Curation.Tests.Dedup;

public sealed class SuffixArrayTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Small alphabets make long repeats (the hard cases for induced sorting) likely.
    private static Arbitrary<byte[]> Bytes(int alphabet, int maxLen) =>
        Gen.Choose(0, maxLen).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, alphabet - 1).Select(x => (byte)(x * 37)), n)).ToArbitrary();

    [Fact]
    public void SaIsMatchesNaiveSortOnRandomBytes()
    {
        foreach (int alphabet in new[] { 1, 2, 4, 256 })
        {
            Check.One(Quick, Prop.ForAll(Bytes(alphabet, 300), text =>
                SuffixArray.Build(text).AsSpan().SequenceEqual(SuffixArray.BuildNaive<byte>(text))));
        }
    }

    [Fact]
    public void SaIsMatchesNaiveSortOnTokenIds()
    {
        var arb = Gen.Choose(0, 200).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 9), n)).ToArbitrary();
        Check.One(Quick, Prop.ForAll(arb, text =>
            SuffixArray.Build(text, 9).AsSpan().SequenceEqual(SuffixArray.BuildNaive<int>(text))));
    }

    [Fact]
    public void KasaiMatchesNaiveLcp()
    {
        Check.One(Quick, Prop.ForAll(Bytes(3, 300), text =>
        {
            var sa = SuffixArray.Build(text);
            return LcpArray.Build<byte>(text, sa).AsSpan().SequenceEqual(LcpArray.BuildNaive<byte>(text, sa));
        }));
    }

    [Fact]
    public void LargeRepetitiveInputSortsCorrectly()
    {
        // Deep recursion: a periodic text with a few mutations, checked by adjacent-suffix order.
        var rng = new Random(5);
        var text = new byte[200_000];
        for (int i = 0; i < text.Length; i++)
            text[i] = (byte)"abcab"[i % 5];
        for (int i = 0; i < 50; i++)
            text[rng.Next(text.Length)] = (byte)'z';
        var sa = SuffixArray.Build(text);
        var seen = new bool[text.Length];
        foreach (int p in sa)
            seen[p] = true;
        Assert.All(seen, Assert.True);
        var lcp = LcpArray.Build<byte>(text, sa);
        for (int i = 1; i < sa.Length; i++)
        {
            int a = sa[i - 1] + lcp[i], b = sa[i] + lcp[i];
            // Past the common prefix the earlier suffix either ended or has the smaller byte.
            Assert.True(a == text.Length || (b < text.Length && text[a] < text[b]), $"rank {i}");
        }
    }

    [Fact]
    public void RejectsSymbolsAboveUpper() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SuffixArray.Build([1, 2, 7], 5));
}
