using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Assay.Curation.Pipeline;

/// <summary>
/// The canonical form of a YAML tree for lineage: compact JSON with keys in document order and
/// every scalar as its string value, so comments, quoting and layout do not change the hash.
/// </summary>
public static class CanonicalYaml
{
    public static string Sha256(YamlNode root)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) Write(w, root);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(ms.ToArray()));
    }

    public static string ToJson(YamlNode root)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) Write(w, root);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void Write(Utf8JsonWriter w, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode m:
                w.WriteStartObject();
                foreach (var (k, v) in m.Children)
                {
                    w.WritePropertyName(((YamlScalarNode)k).Value ?? "");
                    Write(w, v);
                }
                w.WriteEndObject();
                break;
            case YamlSequenceNode s:
                w.WriteStartArray();
                foreach (var c in s.Children) Write(w, c);
                w.WriteEndArray();
                break;
            case YamlScalarNode sc:
                if (sc.Value is null) w.WriteNullValue(); else w.WriteStringValue(sc.Value);
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }
}
