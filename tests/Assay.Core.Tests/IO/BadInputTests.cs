using System.IO.Compression;
using System.Text;
using Assay.Core.Datasets;
using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Core.Tests.IO;

public sealed class BadInputTests
{
    private static string Good(int i) => $$"""{"id":"r{{i}}","text":"text {{i}}"}""";

    private static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static TheoryData<string, byte[], long, string> Cases()
    {
        var invalidUtf8 = Lines(Good(0), """{"id":"r1","text":"xx"}""", Good(2));
        invalidUtf8[invalidUtf8.AsSpan().IndexOf("xx"u8)] = 0xC3; // a lead byte with no continuation
        return new TheoryData<string, byte[], long, string>
        {
            { "json", Lines(Good(0), "{not json", Good(2)), 2, "invalid JSON" },
            { "utf8", invalidUtf8, 2, "invalid UTF-8" },
            { "noid", Lines(Good(0), Good(1), """{"text":"x"}"""), 3, "missing required field 'id'" },
            { "notext", Lines("""{"id":"q"}"""), 1, "missing required field 'text'" },
            { "dup", Lines(Good(0), Good(1), Good(0)), 3, "duplicate id 'r0'" },
            { "empty", [], 0, "empty file" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FailsWithFileAndLine(string name, byte[] content, long line, string reason)
    {
        using var dir = new TempDir();
        var path = dir[name + ".jsonl"];
        File.WriteAllBytes(path, content);
        var e = Assert.Throws<BadInputException>(() => DatasetReader.Read(path).ToList());
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Message);
        Assert.Contains($"{path}:{line}:", e.Message);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void QuarantineKeepsTheBadLineVerbatimAndGoesOn(string name, byte[] content, long line, string reason)
    {
        using var dir = new TempDir();
        var path = dir[name + ".jsonl"];
        File.WriteAllBytes(path, content);
        List<Record> good;
        using (var q = new QuarantineWriter(dir["quarantine"]))
        {
            good = DatasetReader.Read(path, new ReadOptions { OnError = OnError.Quarantine, Quarantine = q }).ToList();
            Assert.Equal(1, q.Count);
        }
        var allLines = content.Length == 0 ? [] : SplitLines(content);
        var quarantined = SplitLines(File.ReadAllBytes(dir["quarantine/part-00000.lines"]));
        Assert.Single(quarantined);
        if (line > 0) Assert.Equal(allLines[(int)line - 1], quarantined[0]); // byte-exact
        Assert.Equal(allLines.Count - (line > 0 ? 1 : 0), good.Count);
        var err = File.ReadAllText(dir["quarantine/part-00000.errors.jsonl"]);
        Assert.Contains(reason, err);
        Assert.Contains($"\"line\":{line}", err);
    }

    private static List<byte[]> SplitLines(byte[] content)
    {
        var res = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < content.Length; i++)
            if (content[i] == '\n') { res.Add(content[start..i]); start = i + 1; }
        if (start < content.Length) res.Add(content[start..]);
        return res;
    }

    [Fact]
    public void DuplicateIdNamesBothLinesAcrossByteRanges()
    {
        using var dir = new TempDir();
        var path = dir["dup.jsonl"];
        File.WriteAllLines(path, Enumerable.Range(0, 200).Select(i => Good(i == 150 ? 120 : i)));
        var options = new ReadOptions { Ids = new IdGuard() };
        var e = Assert.Throws<BadInputException>(() =>
            ByteRangeSplitter.Split(path, 3).SelectMany(r => ShardReader.Read(path, options, r)).ToList());
        Assert.Equal(151, e.Line);
        Assert.Contains($"first seen at {path}:121", e.Message);
    }

    [Fact]
    public void HugeLineIsRejectedInConstantMemoryAndQuarantinedWhole()
    {
        using var dir = new TempDir();
        var path = dir["huge.jsonl"];
        const int huge = 100 << 20; // the 100 MB line of the issue
        using (var fs = File.Create(path))
        {
            fs.Write(Encoding.UTF8.GetBytes(Good(0) + "\n{\"id\":\"big\",\"text\":\""));
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (int i = 0; i < huge >> 20; i++) fs.Write(chunk);
            fs.Write(Encoding.UTF8.GetBytes("\"}\n" + Good(2) + "\n"));
        }
        var opts = new ReadOptions { MaxLineBytes = 8 << 20 };
        var e = Assert.Throws<BadInputException>(() => ShardReader.Read(path, opts).ToList());
        Assert.Equal(2, e.Line);
        Assert.Contains("longer than the limit", e.Message);

        using (var q = new QuarantineWriter(dir["q"]))
        {
            var ids = ShardReader.Read(path, opts with { OnError = OnError.Quarantine, Quarantine = q }).Select(r => r.Id).ToList();
            Assert.Equal(["r0", "r2"], ids);
        }
        Assert.Equal(huge + 22 + 1, new FileInfo(dir["q/part-00000.lines"]).Length);
    }

    [Theory]
    [InlineData(".jsonl.gz")]
    [InlineData(".jsonl.zst")]
    public void TruncatedCompressedFileIsAnError(string ext)
    {
        using var dir = new TempDir();
        var path = dir["t" + ext];
        using (var w = new ShardWriter(path))
        {
            var rng = new Random(1);
            for (int i = 0; i < 20000; i++) w.Write(new Record($"r{i}", rng.NextInt64().ToString()));
            w.Complete();
        }
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<BadInputException>(() => ShardReader.Read(path).ToList());
        Assert.Contains("truncated", e.Message + (e.InnerException?.Message ?? ""), StringComparison.OrdinalIgnoreCase);
    }
}
