using System.Text;
using Assay.Core.Records;

namespace Assay.Core.Tests.Records;

public sealed class RecordJsonTests
{
    private static Record Parse(string line) => RecordJson.Parse(Encoding.UTF8.GetBytes(line));

    [Fact]
    public void ParsesAllFields()
    {
        var r = Parse("""{"id":"a1","text":"hi","source":"web","label":"spam","features":[1,2.5],"meta":{"x":[1,{"y":2}]}}""");
        Assert.Equal("a1", r.Id);
        Assert.Equal("hi", r.Text);
        Assert.Equal("web", r.Source);
        Assert.Equal("spam", r.Label.String);
        Assert.Equal([1f, 2.5f], r.Features!);
        Assert.Equal(2, r.Meta["x"]![1]!["y"]!.GetValue<int>());
    }

    [Fact]
    public void UntouchedMetaIsWrittenBackByteExact()
    {
        const string line = """{"id":"a","text":"t","meta":{"z":1,"a":"é","n":1.50}}""";
        Assert.Equal(line, Encoding.UTF8.GetString(RecordJson.ToUtf8(Parse(line))));
    }

    [Fact]
    public void NumericLabelAndIntegerId()
    {
        var r = Parse("""{"id":17,"text":"t","label":3}""");
        Assert.Equal("17", r.Id);
        Assert.Equal(3.0, r.Label.Number);
    }

    [Theory]
    [InlineData("""{"text":"t"}""", "missing required field 'id'")]
    [InlineData("""{"id":"a"}""", "missing required field 'text'")]
    [InlineData("""{"id":"a","text":5}""", "field 'text' must be a string")]
    [InlineData("""{"id":"a","text":"t","extra":1}""", "unknown field 'extra'")]
    [InlineData("""{"id":"a","text":"t","id":"b"}""", "appears twice")]
    [InlineData("""{"id":"a","text":"t""", "invalid JSON")]
    [InlineData("""[1,2]""", "must be a JSON object")]
    [InlineData("", "blank line")]
    [InlineData("""{"id":"a","text":"t"} {}""", "after a single JSON value")]
    [InlineData("""{"id":"a","text":"t","features":[1,"x"]}""", "only numbers")]
    [InlineData("""{"id":"a","text":"t","meta":[]}""", "'meta' must be an object")]
    public void RejectsBadRecordsWithAClearReason(string line, string expected)
    {
        var e = Assert.Throws<RecordFormatException>(() => Parse(line));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RejectsInvalidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":"a","text":"xx"}""");
        bytes[15] = 0xFF;
        var e = Assert.Throws<RecordFormatException>(() => RecordJson.Parse(bytes));
        Assert.Contains("invalid UTF-8 at byte 15", e.Message);
    }

    [Fact]
    public void NumericDatasetsMayOmitText()
    {
        var r = RecordJson.Parse("""{"id":"a","features":[1]}"""u8, requireText: false);
        Assert.Equal("", r.Text);
        Assert.Throws<RecordFormatException>(() => RecordJson.Parse("""{"id":"a","features":[1]}"""u8));
    }
}
