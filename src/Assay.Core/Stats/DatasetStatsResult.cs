using System.Text.Json.Serialization;

namespace Assay.Core.Stats;

/// <summary>What `assay stats` measures; serialized as stats.json.</summary>
public sealed class DatasetStatsResult
{
    [JsonPropertyName("dataset")] public string Dataset { get; set; } = "";
    [JsonPropertyName("shards")] public int Shards { get; set; }
    [JsonPropertyName("records")] public long Records { get; set; }
    [JsonPropertyName("quarantined")] public long Quarantined { get; set; }
    [JsonPropertyName("chars")] public long Chars { get; set; }
    [JsonPropertyName("words")] public long Words { get; set; }
    [JsonPropertyName("utf8_bytes")] public long Utf8Bytes { get; set; }
    [JsonPropertyName("empty_texts")] public long EmptyTexts { get; set; }
    [JsonPropertyName("with_features")] public long WithFeatures { get; set; }
    [JsonPropertyName("feature_dims")] public SortedDictionary<int, long> FeatureDims { get; } = new();
    [JsonPropertyName("chars_per_record")] public Summary CharsPerRecord { get; set; } = new();
    [JsonPropertyName("words_per_record")] public Summary WordsPerRecord { get; set; } = new();
    [JsonPropertyName("word_length")] public SortedDictionary<int, long> WordLength { get; } = new();
    [JsonPropertyName("by_source")] public SortedDictionary<string, Breakdown> BySource { get; } = new(StringComparer.Ordinal);
    [JsonPropertyName("by_label")] public SortedDictionary<string, Breakdown> ByLabel { get; } = new(StringComparer.Ordinal);
    [JsonPropertyName("manifest_checks")] public List<string> ManifestChecks { get; } = [];

    [JsonIgnore] internal LogBins CharBins { get; } = new();
    [JsonIgnore] internal LogBins WordBins { get; } = new();

    public sealed class Summary
    {
        [JsonPropertyName("mean")] public double Mean { get; set; }
        [JsonPropertyName("min")] public double Min { get; set; }
        [JsonPropertyName("p50")] public double P50 { get; set; }
        [JsonPropertyName("p90")] public double P90 { get; set; }
        [JsonPropertyName("p99")] public double P99 { get; set; }
        [JsonPropertyName("max")] public double Max { get; set; }

        internal static Summary Of(LogBins b) => b.Count == 0 ? new Summary() : new Summary
        {
            Mean = Math.Round(b.Mean, 3), Min = b.Min, Max = b.Max,
            P50 = Math.Round(b.Quantile(0.5), 1), P90 = Math.Round(b.Quantile(0.9), 1), P99 = Math.Round(b.Quantile(0.99), 1),
        };
    }

    public sealed class Breakdown
    {
        [JsonPropertyName("records")] public long Records { get; set; }
        [JsonPropertyName("words")] public long Words { get; set; }
        [JsonPropertyName("chars")] public long Chars { get; set; }
    }
}
