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
}
