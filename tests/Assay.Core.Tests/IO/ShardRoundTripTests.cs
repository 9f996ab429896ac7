using System.Text;
using System.Text.Json.Nodes;
using Assay.Core.IO;
using Assay.Core.Records;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Core.Tests.IO;

public sealed class ShardRoundTripTests
{
    private static Record Make(int i, string text, string? source, float[]? features, bool meta) =>
        new($"id-{i}", text)
        {
            Source = source,
            Label = i % 3 == 0 ? Label.None : i % 3 == 1 ? Label.Of("c" + i % 5) : Label.Of(i * 0.5),
            Features = features,
            Meta = meta ? new JsonObject { ["k"] = i, ["s"] = text.Length > 3 ? text[..3] : text } : null!,
        };

    private static string Canon(Record r) => Encoding.UTF8.GetString(RecordJson.ToUtf8(r));

    /// <summary>Any text (including control chars, quotes, lone surrogates replaced by the encoder) survives write → read in every compression.</summary>
    [Theory]
    [InlineData(".jsonl")]
    [InlineData(".jsonl.gz")]
    [InlineData(".jsonl.zst")]
    public void PropertyRoundTrip(string ext)
    {
        using var dir = new TempDir();
        int run = 0;
        Prop.ForAll(
            ArbMap.Default.ArbFor<string[]>(),
            texts =>
            {
                var records = texts.Where(t => t is not null).Select((t, i) =>
                    Make(i, ScrubSurrogates(t), i % 2 == 0 ? "src" : null, i % 4 == 0 ? [i, -1.5f, float.MaxValue] : null, i % 2 == 1)).ToList();
                if (records.Count == 0) return true;
                var path = dir[$"r{run++}{ext}"];
                using (var w = new ShardWriter(path)) { foreach (var r in records) w.Write(r); w.Complete(); }
                var back = ShardReader.Read(path).ToList();
                return back.Count == records.Count && back.Zip(records).All(p => Canon(p.First) == Canon(p.Second));
            }).QuickCheckThrowOnFailure();
    }

    // Lone surrogates cannot be encoded as UTF-8; System.Text.Json would write U+FFFD, which is a change, not a loss.
    private static string ScrubSurrogates(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(s[i]).Append(s[i + 1]); i++; }
            else if (char.IsSurrogate(s[i])) sb.Append('\uFFFD');
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    [Fact]
    public void WriterReportsCountsAndChecksumOfTheFile()
    {
        using var dir = new TempDir();
        var path = dir["a.jsonl.zst"];
        ShardInfo info;
        using (var w = new ShardWriter(path))
        {
            for (int i = 0; i < 1000; i++) w.Write(new Record($"r{i}", new string('x', i % 50)) { Source = i % 2 == 0 ? "a" : "b" });
            info = w.Complete();
        }
        Assert.Equal(1000, info.Records);
        Assert.Equal(new FileInfo(path).Length, info.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), info.Sha256);
        Assert.Equal(500, info.Sources["a"]);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void ByteRangesCoverEveryLineExactlyOnce()
    {
        using var dir = new TempDir();
        var path = dir["big.jsonl"];
        var rng = new Random(3);
        using (var w = new ShardWriter(path))
        {
            for (int i = 0; i < 5000; i++) w.Write(new Record($"r{i}", new string('y', rng.Next(0, 400))));
            w.Complete();
        }
        foreach (int parts in new[] { 1, 2, 3, 7, 64 })
        {
            var ranges = ByteRangeSplitter.Split(path, parts);
            Assert.Equal(0, ranges[0].Start);
            Assert.Equal(new FileInfo(path).Length, ranges[^1].End);
            for (int i = 1; i < ranges.Count; i++) Assert.Equal(ranges[i - 1].End, ranges[i].Start);
            var ids = ranges.SelectMany(r => ShardReader.Read(path, range: r)).Select(r => r.Id).ToList();
            Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"r{i}"), ids);
        }
    }

    [Fact]
    public void ErrorInsideARangeNamesTheFileLineNumber()
    {
        using var dir = new TempDir();
        var path = dir["r.jsonl"];
        var lines = Enumerable.Range(0, 100).Select(i => i == 80 ? "{bad" : $$"""{"id":"r{{i}}","text":"t"}""");
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var ranges = ByteRangeSplitter.Split(path, 4);
        var e = Assert.Throws<BadInputException>(() => ranges.SelectMany(r => ShardReader.Read(path, range: r)).ToList());
        Assert.Equal(81, e.Line);
    }
}
