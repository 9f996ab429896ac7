using System.Text.Json;

namespace Assay.Core.Packs.Converters;

/// <summary>Shared helpers for converters: ordered file listing and JSON loading with the file named on error.</summary>
internal static class PackFiles
{
    public static IEnumerable<string> Files(string dir, string pattern) =>
        Directory.EnumerateFiles(dir, pattern).Order(StringComparer.Ordinal);

    public static JsonElement Json(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid JSON in pack: {e.Message}");
        }
    }

    public static string Str(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
        : throw new InvalidDataException($"{path}: expected string field '{name}'");

    public static void Require(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new InvalidDataException($"pack layout changed: '{path}' is missing");
    }
}
