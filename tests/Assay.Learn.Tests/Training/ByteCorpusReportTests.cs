using Assay.Learn.Analysis;
using Assay.Learn.Gpt;
using Assay.Learn.Tests.Checkpoints;
using Assay.Learn.Tests.Gpt;
using Assay.Learn.Training;

namespace Assay.Learn.Tests.Training;

public sealed class ByteCorpusReportTests
{
    [Fact]
    public void Byte_tokenizer_round_trips_utf8_and_corpus_holds_out_every_nth_document()
    {
        string text = "naïve café ☕";
        var ids = ByteTokenizer.Encode(text);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), ids.Length);
        Assert.Equal(text, ByteTokenizer.Decode([.. ids, ByteTokenizer.EndOfText]));

        var split = TokenCorpus.Build(["a", "bb", "c", "dd", "e", "ff"], LmTokenizer.Byte, validationEvery: 3);
        Assert.Equal(4, split.TrainDocuments);
        Assert.Equal(2, split.ValidationDocuments);
        Assert.Equal([97, 256, 98, 98, 256, 100, 100, 256, 101, 256], split.Train.Tokens.ToArray());
        Assert.Equal([99, 256, 102, 102, 256], split.Validation!.Tokens.ToArray());
    }

    [Fact]
    public void Scorer_covers_every_token_across_windows_and_matches_a_single_pass_within_one_window()
    {
        var m = GptGradientTests.RandomTiny(41); // n_positions 6
        int[] doc = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3];
        var s = GptScorer.Score(m, doc, contextToken: 0);
        Assert.Equal(doc.Length, s.Tokens);
        // The first window is exactly one TokenLogProbs pass over [0, doc[0..6]].
        double first = m.TokenLogProbs([0, 1, 2, 3, 4, 5, 6]).Sum(x => (double)x);
        double second = m.TokenLogProbs([6, 7, 8, 9, 10, 1, 2]).Sum(x => (double)x);
        double third = m.TokenLogProbs([2, 3]).Sum(x => (double)x);
        Assert.Equal(first + second + third, s.LogProb, 4);
        Assert.Equal(Math.Exp(-s.LogProb / s.Tokens), s.Perplexity, 6);
    }

    [Fact]
    public void Training_report_plots_the_loss_log()
    {
        using var dir = new TempDir();
        var data = GptTrainerTests.ByteText();
        var model = GptModel.Create(new GptConfig(256, 16, 1, 2, 16), 1);
        var r = GptTrainer.Train(model, data, data, new TrainOptions { BatchSize = 2, SeqLen = 16, MaxSteps = 4, WarmupSteps = 1, EvalEvery = 2, EvalBatches = 1 },
            dir.Path, cancellationToken: TestContext.Current.CancellationToken);
        string html = File.ReadAllText(TrainingReport.Write(r.LossLogPath, dir.Path, "test run", [("model", "tiny")]));
        Assert.Contains("<svg", html);
        Assert.Contains("validation", html);
        Assert.Contains("Learning rate", html);
    }
}
