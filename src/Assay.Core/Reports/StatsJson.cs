using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Assay.Core.Reports;

/// <summary>
/// Writes machine-readable <c>stats.json</c>: indented, "\n" line endings, snake_case property
/// names (matching the record's <c>removed_by</c> style; dictionary keys are kept as given),
/// enums as snake_case strings, NaN/∞ as the strings "NaN"/"Infinity" instead of failing.
/// Output is deterministic for a given object graph; property order is declaration order
/// and dictionary order is enumeration order, so use sorted maps (or <c>sortKeys</c>) for
/// maps filled in a nondeterministic order, such as merged per-task counters.
/// </summary>
public static class StatsJson
{
    /// <summary>The serializer settings (read-only), for callers that need to read stats back.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes <paramref name="value"/> by its runtime type.</summary>
    public static string Serialize(object? value, bool sortKeys = false)
    {
        if (value is JsonNode node)
            return Serialize(node, sortKeys);
        if (!sortKeys)
            return JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options) + "\n";
        return Serialize(JsonSerializer.SerializeToNode(value, value?.GetType() ?? typeof(object), Options), sortKeys: true);
    }

    public static string Serialize(JsonNode? node, bool sortKeys = false)
    {
        if (node is null)
            return "null\n";
        var target = sortKeys ? Sorted(node)! : node;
        return target.ToJsonString(Options) + "\n";
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, object? value, bool sortKeys = false) =>
        AtomicFile.WriteAllText(path, Serialize(value, sortKeys));

    /// <summary>A deep copy of <paramref name="node"/> with every object's keys in ordinal order.</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, Sorted(kv.Value)))),
        JsonArray arr => new JsonArray([.. arr.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            NewLine = "\n",
            IndentSize = 2,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            // stats.json is never embedded in HTML, so keep non-ASCII text readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
