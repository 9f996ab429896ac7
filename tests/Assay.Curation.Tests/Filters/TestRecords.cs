using System.Text.Json.Nodes;

namespace Assay.Curation.Tests.Filters;

internal static class TestRecords
{
    public static Record Make(string text, string id = "doc") => new(id, text);

    public static double Signal(Record record, string step, string name) =>
        record.Meta["signals"]![step]![name]!.GetValue<double>();

    public static bool HasSignal(Record record, string step, string name) =>
        record.Meta["signals"] is JsonObject s && s[step] is JsonObject m && m.ContainsKey(name);

    /// <summary>n words cycling through a fixed vocabulary (two stop words among them), joined by spaces.</summary>
    public static string Words(int n, params string[] vocabulary)
    {
        if (vocabulary.Length == 0) vocabulary = ["the", "garden", "with", "houses"];
        return string.Join(' ', Enumerable.Range(0, n).Select(i => vocabulary[i % vocabulary.Length]));
    }
}
