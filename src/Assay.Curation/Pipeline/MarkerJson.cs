using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assay.Curation.Pipeline;

/// <summary>JSON for markers and stats: snake_case, indented, written to a temp name and renamed.</summary>
internal static class MarkerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"; // concurrent writers of one marker never share a temp file
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(fs, value, Options);
            fs.Flush(flushToDisk: true); // the marker promises the outputs are there: make it durable
        }
        File.Move(tmp, path, overwrite: true);
    }

    public static T Read<T>(string path)
    {
        try { return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Options) ?? throw new InvalidDataException($"{path}: empty marker"); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: unreadable marker ({e.Message}); delete it to redo that work"); }
    }
}
