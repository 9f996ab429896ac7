using Assay.Core.Datasets;
using Assay.Curation.Filters.LanguageId;
using Assay.Curation.Filters.Perplexity;
using Assay.Curation.Filters.Quality;
using Assay.Curation.Steps;
using Assay.Text.FastText;
using Assay.Text.LanguageModel;

namespace Assay.Curation.Tests.Filters;

/// <summary>The model-based steps: language id, the fastText quality classifier, the n-gram perplexity filter.</summary>
public sealed class ModelStepTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "assay-modelsteps-" + Guid.NewGuid().ToString("N"));
    private StepContext Context => new(0, 1, _dir, 7, "test");

    public ModelStepTests() => Directory.CreateDirectory(_dir);
    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private static readonly string[] Good =
    [
        "The committee reviewed the annual budget and approved the proposal for new schools.",
        "Scientists measured the temperature of the river every morning during the summer.",
        "The report describes how the city improved its public transport over ten years.",
        "Students in the program learn mathematics, history and the basics of economics.",
    ];

    private static readonly string[] Bad =
    [
        "click here buy now cheap pills free free free winner",
        "lol omg wtf buy cheap watches now click click",
        "FREE money!!! click now!!! best deal ever!!! buy",
        "cheap cheap cheap pills casino winner click here now",
    ];

    [Fact]
    public void QualityClassifierKeepsByThresholdAndByCalibratedTopFraction()
    {
        var examples = Enumerable.Range(0, 40).SelectMany(i => Good.Select(g => (g, "hq")).Concat(Bad.Select(b => (b, "lq")))).ToList();
        var model = FastTextTrainer.Train(examples, new FastTextTrainOptions { Epoch = 10, Dim = 16, MinCount = 1 });
        var path = Path.Combine(_dir, "q.bin");
        model.Save(path);

        var byThreshold = new QualityClassifierFilter(new QualityClassifierOptions { Model = "q.bin", Threshold = 0.5 });
        byThreshold.Initialize(Context);
        Assert.True(byThreshold.Judge(TestRecords.Make(Good[0])).Keep);
        var bad = TestRecords.Make(Bad[0]);
        Assert.Equal("quality_classifier_v1:low_score", byThreshold.Judge(bad).Reason);
        Assert.True(bad.Meta["signals"]!["quality_classifier_v1"]!["score"]!.GetValue<double>() < 0.5);

        using (var w = new DatasetWriter(Path.Combine(_dir, "cal")))
        {
            int i = 0;
            foreach (var t in Good.Concat(Bad)) w.Write(TestRecords.Make(t, $"c{i++}"));
            w.Complete("cal");
        }
        var top = new QualityClassifierFilter(new QualityClassifierOptions { Model = path, TopFraction = 0.5, Calibration = "cal" });
        top.Initialize(Context);
        Assert.Equal(Good.Length, Good.Concat(Bad).Count(t => top.Judge(TestRecords.Make(t)).Keep));

        Assert.Contains("has no label", Assert.Throws<ArgumentException>(() =>
            new QualityClassifierFilter(new QualityClassifierOptions { Model = path, PositiveLabel = "nope", Threshold = 0.5 }).Initialize(Context)).Message);
    }

    [Fact]
    public void PerplexityFilterKeepsInDomainTextAndBucketsLikeCcnet()
    {
        var reference = Enumerable.Range(0, 50).SelectMany(_ => Good).ToList();
        var model = NgramTrainer.TrainText(reference, new NgramOptions { Order = 3, TempDirectory = _dir });
        ArpaWriter.Write(model, Path.Combine(_dir, "lm.arpa"));
        double pplGood = model.ScoreText(Good[1]).Perplexity, pplBad = model.ScoreText(Bad[1]).Perplexity;
        Assert.True(pplGood < pplBad);

        var max = new PerplexityFilter(new PerplexityOptions { Model = "lm.arpa", MaxPerplexity = Math.Sqrt(pplGood * pplBad) });
        max.Initialize(Context);
        Assert.True(max.Judge(TestRecords.Make(Good[1])).Keep);
        Assert.Equal("perplexity_v1:high_perplexity", max.Judge(TestRecords.Make(Bad[1])).Reason);

        var buckets = new PerplexityFilter(new PerplexityOptions { Model = "lm.arpa", Keep = ["head"], Cutoffs = [pplGood * 1.01, pplGood * 1.02] });
        buckets.Initialize(Context);
        var r = TestRecords.Make(Bad[1]);
        Assert.Equal("perplexity_v1:tail", buckets.Judge(r).Reason);
        Assert.Equal("tail", r.Meta["signals"]!["perplexity_v1"]!["bucket"]!.GetValue<string>());
        Assert.True(buckets.Judge(TestRecords.Make(Good[1])).Keep);
    }

    [Fact]
    public void LanguageIdKeepsAllowedLanguagesAboveTheScore()
    {
        var step = new LanguageIdFilter(new LanguageIdOptions { Languages = ["en"], MinScore = 0.5 });
        step.Initialize(Context); // pulls the lid176 pack on first use
        var en = TestRecords.Make("This is an English sentence about the weather and the river.");
        Assert.True(step.Judge(en).Keep);
        Assert.Equal("en", en.Meta["signals"]!["langid_v1"]!["lang"]!.GetValue<string>());
        Assert.Equal("langid_v1:language", step.Judge(TestRecords.Make("Ceci est une phrase française sur le temps qu'il fait.")).Reason);
        var all = new LanguageIdFilter(new LanguageIdOptions { Languages = [] });
        all.Initialize(Context);
        var fr = TestRecords.Make("Ceci est une phrase française sur le temps qu'il fait.");
        Assert.True(all.Judge(fr).Keep);
        Assert.Equal("fr", fr.Meta["signals"]!["langid_v1"]!["lang"]!.GetValue<string>());
    }
}
