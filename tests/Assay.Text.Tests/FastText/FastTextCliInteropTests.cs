using System.Globalization;
using Assay.Text.FastText;

namespace Assay.Text.Tests.FastText;

/// <summary>
/// Against Debian's fastText 0.9.2 CLI (apt-get install fasttext): our .bin files load there and
/// predict the same, and models the CLI trains (softmax, word n-grams, one-vs-all, quantized with
/// qnorm/qout and pruning) predict here as they do there. Skipped, saying why, when the CLI is absent.
/// </summary>
public sealed class FastTextCliInteropTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Cli()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "fasttext")).FirstOrDefault(File.Exists);
        if (found is null)
            Assert.Skip("the fastText CLI is not installed (apt-get install fasttext)");
        return found;
    }

    /// <summary>UDHR paragraphs of ten languages, or (manyLabels) of every declaration labelled by its code: 500+ labels, enough for -qout.</summary>
    private static (List<(string Text, string Lang)> Train, List<string> Test, string Dir) Data(bool manyLabels = false)
    {
        string dir = Directory.CreateTempSubdirectory("assay-ft-cli-").FullName;
        string[] langs = ["en", "fr", "es", "it", "nl", "da", "sv", "pl", "fi", "lv"];
        var lines = manyLabels
            ? OracleData.UdhrLines(12, Path.Combine(dir, "udhr.jsonl")).Select(l => l with { Lang = l.Id.Split('-')[1] }).ToList()
            : OracleData.UdhrLines(200, Path.Combine(dir, "udhr.jsonl")).Where(l => langs.Contains(l.Lang)).ToList();
        var train = lines.Where((_, i) => i % 3 != 0).Select(l => (l.Text, l.Lang)).ToList();
        var test = lines.Where((_, i) => i % 3 == 0).Select(l => l.Text).Append("zzzz qqqq").Append("").ToList();
        return (train, test, dir);
    }

    /// <summary>Parses <c>fasttext predict-prob</c> output: "label prob label prob ..." per line.</summary>
    private static List<(string Label, float Prob)[]> PredictProb(string cli, string model, IReadOnlyList<string> texts, string dir, int k)
    {
        string input = Path.Combine(dir, "predict-input.txt");
        File.WriteAllLines(input, texts);
        string stdout = ExternalTools.Run(cli, ["predict-prob", model, input, k.ToString(CultureInfo.InvariantCulture)]);
        return stdout.Split('\n').Take(texts.Count).Select(line =>
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return Enumerable.Range(0, parts.Length / 2)
                .Select(i => (parts[2 * i], float.Parse(parts[2 * i + 1], CultureInfo.InvariantCulture))).ToArray();
        }).ToList();
    }

    private static void AssertSamePredictions(FastTextModel ours, List<(string Label, float Prob)[]> theirs, IReadOnlyList<string> texts, int k)
    {
        Assert.Equal(texts.Count, theirs.Count);
        int nonEmpty = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            var p = ours.Predict(texts[i], k);
            Assert.Equal(theirs[i].Length, p.Count);
            for (int j = 0; j < p.Count; j++)
            {
                // The CLI prints 5 significant digits, so a near-tie below that precision may order either way.
                if (p[j].Label != theirs[i][j].Label)
                    Assert.True(Math.Abs(p[j].Probability - theirs[i][j].Prob) <= 1e-4, $"line {i}: {p[j]} vs {theirs[i][j]}");
                Assert.True(Math.Abs(p[j].Probability - theirs[i][j].Prob) <= 1e-4, $"line {i}: {p[j]} vs {theirs[i][j]}");
            }
            nonEmpty += p.Count > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty > texts.Count / 2);
    }

    [Fact]
    public void Our_bin_loads_in_fasttext_cli_and_predicts_the_same()
    {
        string cli = Cli();
        var (train, test, dir) = Data();
        string path = Path.Combine(dir, "ours.bin");
        var model = FastTextTrainer.Train(train, new FastTextTrainOptions { Dim = 16, Epoch = 10, LearningRate = 0.5f, Minn = 2, Maxn = 4, WordNgrams = 2, Bucket = 100_000 }, cancellationToken: Ct);
        model.Save(path);
        AssertSamePredictions(FastTextModel.Load(path), PredictProb(cli, path, test, dir, 3), test, 3);
    }

    [Theory]
    [InlineData("softmax-ngrams", "-loss softmax -wordNgrams 2 -minn 2 -maxn 4 -bucket 50000", "")]
    [InlineData("hs-words", "-loss hs", "")]
    [InlineData("ova", "-loss ova -wordNgrams 2 -bucket 50000", "")]
    [InlineData("quantized-qnorm", "-loss hs -minn 2 -maxn 4 -bucket 50000", "-qnorm -cutoff 2000 -dsub 4")]
    [InlineData("quantized-qout", "-loss hs -minn 2 -maxn 4 -bucket 50000", "-qnorm -qout -cutoff 5000 -dsub 2")]
    public void Reads_models_trained_by_fasttext_cli(string name, string options, string quantize)
    {
        string cli = Cli();
        var (train, test, dir) = Data(manyLabels: quantize.Contains("-qout"));
        string input = Path.Combine(dir, "train.txt");
        File.WriteAllLines(input, train.Select(e => $"__label__{e.Lang} {e.Text}"));
        string output = Path.Combine(dir, name);
        ExternalTools.Run(cli, ["supervised", "-input", input, "-output", output, "-dim", "16", "-epoch", "5", "-lr", "0.5", "-thread", "1", "-verbose", "0", .. options.Split(' ')]);
        string model = output + ".bin";
        if (quantize.Length > 0)
        {
            ExternalTools.Run(cli, ["quantize", "-input", input, "-output", output, "-retrain", "-epoch", "1", "-verbose", "0", .. quantize.Split(' ')]);
            model = output + ".ftz";
        }
        var ours = FastTextModel.Load(model);
        Assert.Equal(quantize.Length > 0, ours.IsQuantized);
        AssertSamePredictions(ours, PredictProb(cli, model, test, dir, 3), test, 3);
    }
}
