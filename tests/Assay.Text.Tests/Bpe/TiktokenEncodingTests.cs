using System.Text;
using Assay.Text.Bpe;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Text.Tests.Bpe;

public sealed class TiktokenEncodingTests
{
    public static TheoryData<string> Names => ["cl100k_base", "o200k_base", "r50k_base"];

    [Theory]
    [InlineData("cl100k_base", new[] { 15339, 1917 })]
    [InlineData("o200k_base", new[] { 24912, 2375 })]
    [InlineData("r50k_base", new[] { 31373, 995 })]
    public void EncodesHelloWorldToPublishedIds(string name, int[] ids) =>
        Assert.Equal(ids, Encodings.Get(name).Encode("hello world"));

    [Theory]
    [MemberData(nameof(Names))]
    public void DecodeInvertsEncodeForValidText(string name)
    {
        var enc = Encodings.Get(name);
        var valid = Arb.From(TestCorpus.Mixed(_ => true).Where(IsValidUtf16));
        Prop.ForAll(valid, s => enc.Decode(enc.EncodeOrdinary(s)) == s).QuickCheckThrowOnFailure();
        foreach (var s in TestCorpus.EdgeCases.Where(IsValidUtf16))
            Assert.Equal(s, enc.Decode(enc.EncodeOrdinary(s)));
    }

    private static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void LoneSurrogatesEncodeAsReplacementCharacter(string name)
    {
        var enc = Encodings.Get(name);
        Assert.Equal(enc.EncodeOrdinary("a\uFFFDb"), enc.EncodeOrdinary("a\uD800b"));
        Assert.Equal("x\uFFFD\uFFFDy", enc.Decode(enc.EncodeOrdinary("x\uDC00\uD800y")));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CountAndUtf8OverloadAgreeWithEncode(string name)
    {
        var enc = Encodings.Get(name);
        Prop.ForAll(Arb.From(TestCorpus.Mixed(_ => true)), s =>
                enc.Count(s) == enc.EncodeOrdinary(s).Length
                && enc.EncodeOrdinary(Encoding.UTF8.GetBytes(s)).AsSpan().SequenceEqual(enc.EncodeOrdinary(s)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HeapMergeMatchesArrayMerge()
    {
        var enc = Encodings.Get("cl100k_base");
        // Long pieces of few distinct bytes make many equal-rank ties, the case where order matters.
        var pieces = Gen.Choose(1, 600).SelectMany(n => Gen.ArrayOf(Gen.Elements(" \n\t!ae\u00e9\u4e2d1".ToCharArray()), n))
            .Select(cs => Encoding.UTF8.GetBytes(cs));
        Prop.ForAll(Arb.From(pieces), bytes =>
        {
            var array = new List<int>();
            var heap = new List<int>();
            var a = new ListSink(array);
            var h = new ListSink(heap);
            BytePairMerger.Merge(bytes, enc.Ranks, ref a, heapThreshold: int.MaxValue);
            BytePairMerger.Merge(bytes, enc.Ranks, ref h, heapThreshold: 0);
            return array.SequenceEqual(heap) && enc.DecodeBytes(array.ToArray()).AsSpan().SequenceEqual(bytes);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SpecialTokensFollowAllowedAndDisallowedSets()
    {
        var enc = Encodings.Get("cl100k_base");
        const string text = "a<|endoftext|>b<|fim_prefix|>";
        var ex = Assert.Throws<InvalidOperationException>(() => enc.Encode(text));
        Assert.Contains("<|endoftext|>", ex.Message);
        Assert.Throws<InvalidOperationException>(() => enc.Encode(text, ["<|endoftext|>"]));

        var both = enc.Encode(text, ["<|endoftext|>", "<|fim_prefix|>"]);
        Assert.Equal([64, 100257, 65, 100258], both);
        var onlyEot = enc.Encode(text, ["<|endoftext|>"], disallowedSpecial: []);
        Assert.Equal(100257, onlyEot[1]);
        Assert.Equal(enc.EncodeOrdinary("b<|fim_prefix|>"), onlyEot[2..]);
        Assert.Equal(text, enc.Decode(both));
        Assert.True(enc.EncodeOrdinary(text).Length > 6);
        Assert.Equal(enc.EncodeOrdinary("hello"), enc.Encode("hello"));
    }

    [Fact]
    public void LoadsEveryJsTiktokenEncoding()
    {
        var dir = NpmCache.JsTiktokenModules();
        foreach (var name in TiktokenEncoding.KnownNames)
        {
            var enc = TiktokenEncoding.Load(name, dir);
            Assert.Equal(name, enc.Name);
            Assert.Equal("hello world", enc.Decode(enc.Encode("hello world")));
        }
        var p50k = TiktokenEncoding.Load("p50k_base", dir);
        Assert.Equal(50281, p50k.IdLimit);                      // second bpe_ranks line: ranks 50257..50280
        Assert.Equal([50280], p50k.EncodeOrdinary(new string(' ', 26) + "x")[..1]); // 25 spaces: the longest run token
        Assert.Equal(200019, Encodings.Get("o200k_base").IdLimit);

        // A rank module given by path, in its CommonJS form, loads the same encoding.
        var cjs = TiktokenEncoding.Load(Path.Combine(dir, "node_modules", "js-tiktoken", "dist", "ranks", "cl100k_base.cjs"));
        Assert.Equal(Encodings.Get("cl100k_base").EncodeOrdinary("Ünïcödé text, 12345!"), cjs.EncodeOrdinary("Ünïcödé text, 12345!"));
    }

    [Fact]
    public void LoadExplainsWhatIsMissing()
    {
        var unknown = Assert.Throws<ArgumentException>(() => TiktokenEncoding.Load("cl99k", "/nonexistent"));
        Assert.Contains("cl100k_base", unknown.Message);
        var missing = Assert.Throws<FileNotFoundException>(() => TiktokenEncoding.Load("cl100k_base", "/nonexistent"));
        Assert.Contains("npm pack js-tiktoken", missing.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Encodings.Get("r50k_base").Decode([50257]));
    }

    [Fact]
    public void LoadsFromEnvironmentVariableDirectory()
    {
        var before = Environment.GetEnvironmentVariable(TiktokenEncoding.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(TiktokenEncoding.DirectoryVariable,
                Path.Combine(NpmCache.JsTiktokenModules(), "node_modules", "js-tiktoken"));
            Assert.Equal([31373, 995], TiktokenEncoding.Load("gpt2").Encode("hello world"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TiktokenEncoding.DirectoryVariable, before);
        }
    }
}
