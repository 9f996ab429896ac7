using System.Text;
using System.Text.Json.Nodes;
using Assay.Core.Accounting;
using Assay.Core.Records;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Core.Tests.Records;

/// <summary>
/// Signals and removal marks set on a record with raw meta are kept aside and appended at write time;
/// the bytes must equal what setting them on the materialized JsonObject writes.
/// </summary>
public sealed class PendingMetaTests
{
    private static string Write(Record r) => Encoding.UTF8.GetString(RecordJson.ToUtf8(r));

    /// <summary>One set: a signal (Step non-null) or a top-level meta string.</summary>
    private sealed record Op(string? Step, string Name, double Number, string? Text)
    {
        public void Apply(Record r)
        {
            if (Step is null) r.SetMetaString(Name, Text!);
            else if (Text is null) r.SetSignal(Step, Name, Number);
            else r.SetSignal(Step, Name, Text);
        }

        /// <summary>The reference: the same set made on the JsonObject, as steps did before pending meta.</summary>
        public void ApplyToObject(Record r)
        {
            if (Step is null) { r.Meta[Name] = Text; return; }
            var signals = r.Meta["signals"] as JsonObject ?? (JsonObject)(r.Meta["signals"] = new JsonObject());
            var mine = signals[Step] as JsonObject ?? (JsonObject)(signals[Step] = new JsonObject());
            mine[Name] = Text is null ? JsonValue.Create(Number) : JsonValue.Create(Text);
        }
    }

    private static readonly Op[] Annotations =
    [
        new("gopher", "words", 12.5, null),
        new("lid", "lang", 0, "en"),
        new("gopher", "ratio", 0.25, null),
        new("gopher", "words", 13, null), // overwrite keeps the first position
        new(null, "removed_by", 0, "c4"),
        new(null, "reason", 0, "c4:curly_bracket"),
    ];

    private static string WriteMaterialized(string line, IEnumerable<Op> ops)
    {
        var r = RecordJson.Parse(Encoding.UTF8.GetBytes(line));
        foreach (var op in ops) op.ApplyToObject(r);
        return Write(r);
    }

    private static string WritePending(string line, IEnumerable<Op> ops)
    {
        var r = RecordJson.Parse(Encoding.UTF8.GetBytes(line));
        foreach (var op in ops) op.Apply(r);
        return Write(r);
    }

    [Theory]
    [InlineData("""{"id":"a","text":"t"}""")]
    [InlineData("""{"id":"a","text":"t","meta":{}}""")]
    [InlineData("""{"id":"a","text":"t","meta":{ }}""")]
    [InlineData("""{"id":"a","text":"t","meta":{"url":"http://x","n":[1,2,{"k":null}]}}""")]
    [InlineData("""{"id":"a","text":"t","meta":{"signals":{"old":{"x":1}},"reason":"before"}}""")] // collides: merged through the object
    [InlineData("""{"id":"a","text":"t","meta":{"note":"the word \u0073ignals"}}""")] // escapes: merged through the object
    public void Appending_to_raw_meta_writes_the_same_bytes_as_the_json_object(string line)
    {
        string expected = WriteMaterialized(line, Annotations);
        Assert.Equal(expected, WritePending(line, Annotations));
        var back = RecordJson.Parse(Encoding.UTF8.GetBytes(expected));
        Assert.Equal(13, back.Meta["signals"]!["gopher"]!["words"]!.GetValue<double>());
        Assert.Equal("c4:curly_bracket", back.Meta["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Reading_meta_sees_pending_entries_and_later_sets_stay_in_order()
    {
        var r = RecordJson.Parse("""{"id":"a","text":"t","meta":{"url":"u"}}"""u8);
        r.SetSignal("s", "x", 1);
        Assert.True(r.HasMeta);
        Assert.Equal(1, r.Meta["signals"]!["s"]!["x"]!.GetValue<double>());
        r.SetSignal("s", "y", 2);
        Assert.Equal("""{"id":"a","text":"t","meta":{"url":"u","signals":{"s":{"x":1,"y":2}}}}""", Write(r));
    }

    [Fact]
    public void Clone_carries_pending_entries_independently()
    {
        var r = new Record("a", "t");
        r.SetSignal("s", "x", 1);
        var c = r.Clone();
        c.SetSignal("s", "x", 2);
        Assert.Equal("""{"id":"a","text":"t","meta":{"signals":{"s":{"x":1}}}}""", Write(r));
        Assert.Equal("""{"id":"a","text":"t","meta":{"signals":{"s":{"x":2}}}}""", Write(c));
    }

    [Fact]
    public void Spaced_raw_meta_is_kept_as_read_and_means_the_same()
    {
        const string line = """{"id":"a","text":"t","meta":{ "url" : "u" , "n": [1, 2] }}""";
        string pending = WritePending(line, Annotations);
        Assert.StartsWith("""{"id":"a","text":"t","meta":{ "url" : "u" , "n": [1, 2],"signals":""", pending);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(WriteMaterialized(line, Annotations)), JsonNode.Parse(pending)));
    }

    [Fact]
    public void Removal_marks_go_through_pending_meta()
    {
        var r = RecordJson.Parse("""{"id":"a","text":"t","meta":{"url":"u"}}"""u8);
        RemovedRecords.Mark(r, "c4", "c4:policy");
        Assert.Equal("""{"id":"a","text":"t","meta":{"url":"u","removed_by":"c4","reason":"c4:policy"}}""", Write(r));
    }

    [Fact]
    public void Any_sequence_of_sets_writes_like_the_json_object()
    {
        var names = Gen.Elements("x", "y", "zz");
        var signal = Gen.Zip(names, Gen.Choose(-5, 5)).Select(t => new Op("s" + t.Item1.Length, t.Item1, t.Item2 / 4.0, null));
        var label = Gen.Zip(names, Gen.Elements("en", "fr")).Select(t => new Op("t", t.Item1, 0, t.Item2));
        var top = Gen.Zip(Gen.Elements("a", "b", "reason"), Gen.Elements("v", "w\"q", "ü")).Select(t => new Op(null, t.Item1, 0, t.Item2));
        var ops = Gen.ListOf(Gen.OneOf(signal, label, top));
        var metas = Gen.Elements("", ""","meta":{}""", ""","meta":{"k":1}""", ""","meta":{"a":"old"}""");
        Prop.ForAll(Gen.Zip(ops, metas).ToArbitrary(), t =>
        {
            string line = "{\"id\":\"i\",\"text\":\"t\"" + t.Item2 + "}";
            return WritePending(line, t.Item1) == WriteMaterialized(line, t.Item1);
        }).QuickCheckThrowOnFailure();
    }
    [Fact]
    public void Released_records_hand_their_buffers_on_without_leaking_entries_or_bytes()
    {
        // A pipeline task writes a record, releases it, and parses the next on the same thread.
        var a = RecordJson.Parse("""{"id":"a","text":"first text, longer than the next","meta":{"url":"http://a"}}"""u8);
        foreach (var op in Annotations) op.Apply(a);
        var clone = a.Clone();
        string cloneBefore = Write(clone);
        a.Release();

        var b = RecordJson.Parse("""{"id":"b","text":"second","meta":{"url":"http://b"}}"""u8);
        b.SetSignal("lid", "score", 0.5);
        Assert.Equal("""{"id":"b","text":"second","meta":{"url":"http://b","signals":{"lid":{"score":0.5}}}}""", Write(b));
        // The clone owns its bytes: the line buffer it was cut from now holds record b.
        Assert.Equal(cloneBefore, Write(clone));
        b.Release();

        var c = RecordJson.Parse("""{"id":"c","text":"third"}"""u8);
        RemovedRecords.Mark(c, "c4", "c4:policy");
        Assert.Equal("""{"id":"c","text":"third","meta":{"removed_by":"c4","reason":"c4:policy"}}""", Write(c));
    }

    [Fact]
    public void Any_sequence_of_released_records_writes_like_fresh_ones()
    {
        var names = Gen.Elements("x", "y", "zz");
        var signal = Gen.Zip(names, Gen.Choose(-5, 5)).Select(t => new Op("s" + t.Item1.Length, t.Item1, t.Item2 / 4.0, null));
        var label = Gen.Zip(names, Gen.Elements("en", "fr")).Select(t => new Op("t", t.Item1, 0, t.Item2));
        var top = Gen.Zip(Gen.Elements("a", "reason"), Gen.Elements("v", "ü")).Select(t => new Op(null, t.Item1, 0, t.Item2));
        var text = Gen.Elements("t", "a much longer text that needs a bigger line buffer than the others", "");
        var one = Gen.Zip(text, Gen.ListOf(Gen.OneOf(signal, label, top)));
        Prop.ForAll(Gen.ListOf(one).ToArbitrary(), records =>
        {
            foreach (var (t, ops) in records)
            {
                string line = "{\"id\":\"i\",\"text\":\"" + t + "\",\"meta\":{\"k\":1}}";
                var r = RecordJson.Parse(Encoding.UTF8.GetBytes(line));
                foreach (var op in ops) op.Apply(r);
                bool same = Write(r) == WriteMaterialized(line, ops);
                r.Release();
                if (!same) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
