using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>nlp-corpus: builds/doc-0..99.json, each an array of 1,000 sentences.</summary>
internal sealed class NlpCorpusConverter : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var dir = Path.Combine(packageDir, "builds");
        PackFiles.Require(dir);
        var docs = PackFiles.Files(dir, "doc-*.json")
            .Select(f => (f, n: int.Parse(Path.GetFileNameWithoutExtension(f)[4..], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(x => x.n);
        foreach (var (file, n) in docs)
        {
            var arr = PackFiles.Json(file);
            if (arr.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{file}: expected an array of sentences");
            int i = 0;
            foreach (var s in arr.EnumerateArray())
            {
                writer!.Write(new Record($"nlp-{n:D2}-{i:D4}", s.GetString() ?? "")
                {
                    Source = "nlp-corpus",
                    Meta = new JsonObject { ["doc"] = n },
                });
                i++;
            }
        }
    }
}
