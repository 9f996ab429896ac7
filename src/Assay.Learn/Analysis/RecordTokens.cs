using System.Text.Json.Nodes;
using Assay.Core.Records;
using Assay.Learn.Training;

namespace Assay.Learn.Analysis;

/// <summary>
/// The ids a record is scored on: <c>meta.tokens</c> as given when the record carries that int
/// array (ids tokenized elsewhere, e.g. by <c>assay tokenize</c>, or a probe sequence that no text
/// encodes to), else its text through the model's tokenizer.
/// </summary>
public static class RecordTokens
{
    public const string MetaKey = "tokens";

    /// <summary>Why the record's meta.tokens cannot be scored by a model with this vocabulary, or null (also when it has none).</summary>
    public static string? Problem(Record record, int vocabSize) => Read(record, vocabSize, out _);

    public static int[] Of(Record record, LmTokenizer tokenizer, int vocabSize)
    {
        if (Read(record, vocabSize, out var ids) is { } problem) throw new InvalidDataException(problem);
        return ids ?? tokenizer.Encode(record.Text);
    }

    private static string? Read(Record record, int vocabSize, out int[]? ids)
    {
        ids = null;
        if (!record.HasMeta || !record.Meta.TryGetPropertyValue(MetaKey, out var node) || node is null) return null;
        if (node is not JsonArray array) return $"record '{record.Id}': meta.{MetaKey} is not an array of token ids";
        var result = new int[array.Count];
        for (int i = 0; i < result.Length; i++)
        {
            if (array[i] is not JsonValue v || !v.TryGetValue<int>(out int id))
                return $"record '{record.Id}': meta.{MetaKey}[{i}] = {array[i]?.ToJsonString() ?? "null"} is not an integer token id";
            if ((uint)id >= (uint)vocabSize)
                return $"record '{record.Id}': meta.{MetaKey}[{i}] = {id} is outside the model's vocabulary (0..{vocabSize - 1})";
            result[i] = id;
        }
        ids = result;
        return null;
    }
}
