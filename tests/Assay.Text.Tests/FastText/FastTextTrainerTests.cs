using Assay.Text.FastText;

namespace Assay.Text.Tests.FastText;

public sealed class FastTextTrainerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FastTextTrainOptions Small = new() { Dim = 16, Epoch = 20, LearningRate = 0.5f, Seed = 7 };

    private static IEnumerable<(string, string)> Toy(int seed, int n)
    {
        string[] fruit = ["apple", "banana", "cherry", "grape", "mango", "pear"];
        string[] vehicle = ["car", "truck", "bus", "train", "bicycle", "tram"];
        string[] filler = ["the", "a", "with", "and", "of", "my"];
        var rng = new Random(seed);
        for (int i = 0; i < n; i++)
        {
            bool isFruit = i % 2 == 0;
            var pool = isFruit ? fruit : vehicle;
            var words = Enumerable.Range(0, 5).Select(j => j % 2 == 0 ? pool[rng.Next(pool.Length)] : filler[rng.Next(filler.Length)]);
            yield return (string.Join(' ', words), isFruit ? "fruit" : "vehicle");
        }
    }

    [Theory]
    [InlineData(FastTextLoss.Softmax)]
    [InlineData(FastTextLoss.HierarchicalSoftmax)]
    public void Learns_a_separable_toy_task(FastTextLoss loss)
    {
        var model = FastTextTrainer.Train(Toy(1, 200), Small with { Loss = loss }, cancellationToken: Ct);
        var test = Toy(2, 100).ToList();
        int correct = test.Count(e => model.Predict(e.Item1)[0].Label == "__label__" + e.Item2);
        Assert.Equal(test.Count, correct);
        Assert.Equal(["__label__fruit", "__label__vehicle"], model.Labels.Order().ToArray());
    }

    [Fact]
    public void Same_seed_gives_identical_model_files()
    {
        string dir = Directory.CreateTempSubdirectory("assay-ft-").FullName;
        var opts = Small with { Minn = 2, Maxn = 4, WordNgrams = 2, Bucket = 1000 };
        FastTextTrainer.Train(Toy(1, 100), opts, cancellationToken: Ct).Save(Path.Combine(dir, "a.bin"));
        FastTextTrainer.Train(Toy(1, 100), opts, cancellationToken: Ct).Save(Path.Combine(dir, "b.bin"));
        FastTextTrainer.Train(Toy(1, 100), opts with { Seed = 8 }, cancellationToken: Ct).Save(Path.Combine(dir, "c.bin"));
        var a = File.ReadAllBytes(Path.Combine(dir, "a.bin"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(dir, "b.bin")));
        Assert.NotEqual(a, File.ReadAllBytes(Path.Combine(dir, "c.bin")));
    }

    [Fact]
    public void Saved_model_round_trips_through_the_reader()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("assay-ft-").FullName, "m.bin");
        var model = FastTextTrainer.Train(Toy(1, 100), Small with { Minn = 2, Maxn = 4, WordNgrams = 2, Bucket = 5000 }, cancellationToken: Ct);
        model.Save(path);
        var loaded = FastTextModel.Load(path);
        Assert.Equal(model.Args, loaded.Args);
        Assert.Equal(5000, loaded.Args.Bucket);
        foreach (var (text, _) in Toy(3, 50).Append(("unseen wordz here", "x")))
            Assert.Equal(model.Predict(text, k: 2), loaded.Predict(text, k: 2));
    }

    [Fact]
    public void Bucket_is_dropped_without_ngrams_as_fasttext_does()
    {
        var model = FastTextTrainer.Train(Toy(1, 20), Small with { Epoch = 1 }, cancellationToken: Ct);
        Assert.Equal(0, model.Args.Bucket);
    }

    [Fact]
    public void Identifies_languages_of_held_out_udhr_paragraphs()
    {
        string[] langs = ["en", "fr", "es", "it", "nl", "da", "sv", "pl"];
        string path = Path.Combine(Directory.CreateTempSubdirectory("assay-ft-").FullName, "udhr.jsonl");
        var lines = OracleData.UdhrLines(200, path).Where(l => langs.Contains(l.Lang)).ToList();
        // Hold out every fourth paragraph of each declaration (ids end in the paragraph number).
        bool IsTest(OracleData.Line l) => int.Parse(l.Id[(l.Id.LastIndexOf('-') + 1)..]) % 4 == 0;
        var train = lines.Where(l => !IsTest(l)).Select(l => (l.Text, l.Lang)).ToList();
        var test = lines.Where(IsTest).ToList();
        Assert.True(train.Count > 400 && test.Count > 120, $"{train.Count} train, {test.Count} test");

        var model = FastTextTrainer.Train(train, new FastTextTrainOptions { Dim = 16, Epoch = 25, LearningRate = 1f, Minn = 2, Maxn = 4, Bucket = 200_000, Seed = 1 }, cancellationToken: Ct);
        double accuracy = test.Count(l => model.Predict(l.Text)[0].Label == "__label__" + l.Lang) / (double)test.Count;
        Assert.True(accuracy >= 0.97, $"held-out accuracy {accuracy:P1} on {test.Count} paragraphs");
    }

    /// <summary>SpamAssassin public corpus (Core's spam-assassin pack: raw emails, ham/spam), every fifth email held out.</summary>
    [Fact]
    public void Separates_spam_from_ham_on_held_out_emails()
    {
        var pack = Assay.Core.Packs.PackPuller.Pull("spam-assassin");
        var emails = Assay.Core.Datasets.DatasetReader.Read(pack.Path).Select(r => (r.Text, Label: r.Label.Key!)).ToList();
        Assert.True(emails.Count > 5000);
        var train = emails.Where((_, i) => i % 5 != 0).ToList();
        var test = emails.Where((_, i) => i % 5 == 0).ToList();
        var model = FastTextTrainer.Train(train, new FastTextTrainOptions { Dim = 8, Epoch = 3, LearningRate = 0.5f, Seed = 1 }, cancellationToken: Ct);
        // Training turns newlines into spaces; Predict reads one line as fastText does, so do the same here.
        double accuracy = test.Count(e => model.Predict(e.Text.Replace('\n', ' '))[0].Label == "__label__" + e.Label) / (double)test.Count;
        double majority = test.GroupBy(e => e.Label).Max(g => g.Count()) / (double)test.Count;
        Assert.True(accuracy >= 0.95 && accuracy > majority + 0.1, $"held-out accuracy {accuracy:P2} (majority class {majority:P2}) on {test.Count} emails");
    }

    [Fact]
    public void Rejects_labels_with_whitespace_and_bad_options()
    {
        Assert.Throws<ArgumentException>(() => FastTextTrainer.Train([("a b", "two words")], Small, cancellationToken: Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => FastTextTrainer.Train([("a b", "x")], Small with { Minn = 3, Maxn = 2 }, cancellationToken: Ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => FastTextTrainer.Train([("a b", "x")], Small with { Loss = FastTextLoss.NegativeSampling }, cancellationToken: Ct));
    }
}
