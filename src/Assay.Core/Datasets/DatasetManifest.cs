using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assay.Core.Datasets;

/// <summary>
/// <c>dataset.json</c>: what a dataset folder holds (counts, shard checksums), where its records
/// come from (sources and licenses) and how it was made (lineage). No timestamps, so the same
/// run gives the same bytes.
/// </summary>
public sealed record DatasetManifest
{
    public const string FileName = "dataset.json";
    public const string FormatName = "assay-dataset";

    [JsonPropertyName("format")] public string Format { get; init; } = FormatName;
    [JsonPropertyName("version")] public int Version { get; init; } = 1;
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("records")] public long Records { get; init; }
    [JsonPropertyName("bytes")] public long Bytes { get; init; }
    [JsonPropertyName("uncompressed_bytes")] public long UncompressedBytes { get; init; }
    [JsonPropertyName("shards")] public List<ShardEntry> Shards { get; init; } = [];
    [JsonPropertyName("sources")] public List<SourceEntry> Sources { get; init; } = [];
    [JsonPropertyName("lineage")] public Lineage? Lineage { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static DatasetManifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            var m = JsonSerializer.Deserialize<DatasetManifest>(File.ReadAllBytes(path), Options)
                ?? throw new InvalidDataException("empty manifest");
            if (m.Format != FormatName) throw new InvalidDataException($"format is '{m.Format}', expected '{FormatName}'");
            if (m.Version != 1) throw new InvalidDataException($"version {m.Version} is newer than this assay understands (1)");
            return m;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid dataset manifest: {e.Message}");
        }
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var tmp = path + ".tmp";
        File.WriteAllBytes(tmp, JsonSerializer.SerializeToUtf8Bytes(this, Options));
        File.Move(tmp, path, overwrite: true);
    }
}

public sealed record ShardEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("records")] long Records,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);

public sealed record SourceEntry
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("records")] public long Records { get; init; }
    [JsonPropertyName("license")] public string? License { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }
}

public sealed record Lineage
{
    /// <summary>The command line that made the dataset.</summary>
    [JsonPropertyName("command")] public string Command { get; init; } = "";
    /// <summary>SHA-256 of the canonical config (YAML/JSON) that made it, if any.</summary>
    [JsonPropertyName("config_hash")] public string? ConfigHash { get; init; }
    [JsonPropertyName("inputs")] public List<LineageInput> Inputs { get; init; } = [];
    [JsonPropertyName("assay_version")] public string? AssayVersion { get; init; }
}

public sealed record LineageInput(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("checksum")] string Checksum);
