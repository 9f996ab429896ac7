using Assay.Text.FastText;

namespace Assay.Text.Tests.FastText;

/// <summary>lid.176.ftz read by Assay against fastText itself (fasttext.wasm.js under node) on UDHR paragraphs.</summary>
public sealed class LidOracleTests
{
    [Fact]
    public void Top1_and_probabilities_match_fasttext_wasm_on_udhr()
    {
        var data = OracleData.Get();
        var model = FastTextModel.Load(data.ModelPath);
        Assert.True(data.Lines.Select(l => l.Lang).Distinct().Count() >= 50);
        Assert.True(data.Lines.Count >= 5000);

        int top1Same = 0, compared = 0;
        double maxProbDiff = 0;
        var mismatches = new List<string>();
        for (int i = 0; i < data.Lines.Count; i++)
        {
            var ours = model.Predict(data.Lines[i].Text, k: 3);
            var theirs = data.Predictions[i];
            Assert.Equal(theirs.Labels.Length, ours.Count);
            if (ours[0].Label == theirs.Labels[0])
                top1Same++;
            else if (mismatches.Count < 10)
                mismatches.Add($"{data.Lines[i].Id}: {ours[0]} vs {theirs.Labels[0]} {theirs.Probs[0]}");
            for (int j = 0; j < ours.Count; j++)
            {
                if (ours[j].Label != theirs.Labels[j])
                    continue;
                maxProbDiff = Math.Max(maxProbDiff, Math.Abs(ours[j].Probability - theirs.Probs[j]));
                compared++;
            }
        }
        double agreement = (double)top1Same / data.Lines.Count;
        Assert.True(agreement >= 0.999, $"top-1 agreement {agreement:P3}; first mismatches: {string.Join("; ", mismatches)}");
        Assert.True(compared >= data.Lines.Count * 2);
        Assert.True(maxProbDiff <= 1e-4, $"max probability difference {maxProbDiff} agreement {agreement} compared {compared} n {data.Lines.Count}");
    }

    [Fact]
    public void Lid176_header_is_read()
    {
        var model = FastTextModel.Load(OracleData.LidModelPath());
        Assert.True(model.IsQuantized);
        Assert.Equal(176, model.Labels.Count);
        Assert.Equal(FastTextLoss.HierarchicalSoftmax, model.Args.Loss);
        Assert.Equal(FastTextModelKind.Supervised, model.Args.Model);
        Assert.Equal(16, model.Args.Dim);
        Assert.Contains("__label__en", model.Labels);
    }

    [Fact]
    public void LanguageIdentifier_strips_the_label_prefix()
    {
        var lid = LanguageIdentifier.Load(OracleData.LidModelPath());
        Assert.Equal("en", lid.Identify("All human beings are born free and equal in dignity and rights.").Lang);
        Assert.Equal("fr", lid.Identify("Tous les êtres humains naissent libres et égaux en dignité et en droits.").Lang);
        Assert.Equal("de", lid.Identify("Alle Menschen sind frei und gleich an Würde und Rechten geboren.").Lang);
        var top = lid.Identify("Alle Menschen sind frei", k: 3);
        Assert.Equal(3, top.Count);
        Assert.True(top[0].Score >= top[1].Score && top[1].Score >= top[2].Score);
    }

    /// <summary>Our .bin files load in fastText itself (here the WebAssembly build) and predict the same.</summary>
    [Fact]
    public void Trained_bin_predicts_the_same_in_fasttext_wasm()
    {
        string dir = Directory.CreateTempSubdirectory("assay-ft-wasm-").FullName;
        string[] langs = ["en", "fr", "es", "it", "nl", "da", "sv", "pl"];
        var lines = OracleData.UdhrLines(200, Path.Combine(dir, "udhr.jsonl")).Where(l => langs.Contains(l.Lang)).ToList();
        var model = FastTextTrainer.Train(lines.Where((_, i) => i % 2 == 0).Select(l => (l.Text, l.Lang)),
            new FastTextTrainOptions { Dim = 16, Epoch = 5, LearningRate = 0.5f, Minn = 2, Maxn = 4, WordNgrams = 2, Bucket = 50_000, Loss = FastTextLoss.HierarchicalSoftmax });
        string bin = Path.Combine(dir, "ours.bin");
        model.Save(bin);
        var test = lines.Where((_, i) => i % 2 == 1).ToList();
        string input = Path.Combine(dir, "test.jsonl");
        File.WriteAllLines(input, test.Select(l => System.Text.Json.JsonSerializer.Serialize(new { text = l.Text })));
        string output = Path.Combine(dir, "wasm.jsonl");
        ExternalTools.Run("node", [ExternalTools.NodeScript("predict.mjs"), "--pkg", ExternalTools.NpmPackage("fasttext.wasm.js", "1.0.0"),
            "--model", bin, "--input", input, "--output", output, "--k", "2"]);
        var wasm = File.ReadAllLines(output);
        Assert.Equal(test.Count, wasm.Length);
        for (int i = 0; i < test.Count; i++)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(wasm[i]);
            var labels = doc.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetString()).ToArray();
            var probs = doc.RootElement.GetProperty("probs").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var ours = model.Predict(test[i].Text, 2);
            Assert.Equal(labels, ours.Select(p => p.Label).ToArray());
            for (int j = 0; j < probs.Length; j++)
                Assert.True(Math.Abs(probs[j] - ours[j].Probability) <= 1e-4, $"line {i}: {probs[j]} vs {ours[j].Probability}");
        }
    }
}
