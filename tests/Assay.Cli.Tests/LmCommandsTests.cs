using System.Text.Json;
using Assay.Core.Tests;
using Assay.Learn.Analysis;
using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;

namespace Assay.Cli.Tests;

[Collection("cli")]
public sealed class LmCommandsTests
{
    private static JsonElement[] Lines(string path) => File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToArray();

    [Fact]
    public void TrainWithGpt2RecordsTheTokenizerSoScoreAndGenerateUseIt()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["d.jsonl"], string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"{{\"id\":\"d{i}\",\"text\":\"hello world, the state of the union is strong {i}\"}}\n")));
        var (code, _, err) = CliRunner.Run("lm", "train", dir["d.jsonl"], "-o", dir["m"], "--tokenizer", "gpt2",
            "--layers", "1", "--heads", "2", "--embd", "16", "--context", "16", "--batch", "2", "--steps", "2", "--warmup", "1", "--eval-every", "0");
        Assert.True(code == 0, err);
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir["m"], "checkpoint", "config.json"))).RootElement;
        Assert.Equal("gpt2", config.GetProperty(GptCheckpoint.TokenizerKey).GetString());
        Assert.Equal(50257, config.GetProperty("vocab_size").GetInt32());

        File.WriteAllText(dir["s.jsonl"], "{\"id\":\"a\",\"text\":\"hello world\"}\n{\"id\":\"empty\",\"text\":\"\"}\n");
        (code, _, err) = CliRunner.Run("lm", "score", Path.Combine(dir["m"], "checkpoint"), dir["s.jsonl"], "-o", dir["scores.jsonl"]);
        Assert.True(code == 0, err);
        var scores = Lines(dir["scores.jsonl"]);
        Assert.Equal(["id", "logprob", "tokens", "ppl"], scores[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, scores[0].GetProperty("tokens").GetInt32()); // "hello world" is two gpt2 tokens
        Assert.True(scores[0].GetProperty("logprob").GetDouble() < 0);
        Assert.Equal(0, scores[1].GetProperty("tokens").GetInt32());
        Assert.Equal(JsonValueKind.Null, scores[1].GetProperty("ppl").ValueKind);

        string output;
        (code, output, err) = CliRunner.Run("lm", "generate", Path.Combine(dir["m"], "checkpoint"), "--prompt", "hello", "--max-new", "4", "--json");
        Assert.True(code == 0, err);
        var gen = JsonDocument.Parse(output).RootElement;
        Assert.Equal("gpt2", gen.GetProperty("tokenizer").GetString());
        Assert.InRange(gen.GetProperty("tokens").GetInt32(), 1, 4);
    }

    [Fact]
    public void TrainNamesTheKnownTokenizersWhenGivenAnUnknownOne()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["d.jsonl"], "{\"id\":\"a\",\"text\":\"hello\"}\n");
        var (code, _, err) = CliRunner.Run("lm", "train", dir["d.jsonl"], "-o", dir["m"], "--tokenizer", "gpt5");
        Assert.Equal(1, code);
        Assert.Contains("unknown tokenizer 'gpt5'; known: byte, cl100k_base, o200k_base, r50k_base, gpt2", err);
    }

    [Fact]
    public void ScoreUsesMetaTokensAsGivenAndFailsOrQuarantinesIdsOutsideTheVocabulary()
    {
        using var dir = new TempDir();
        var model = GptModel.Create(new GptConfig(257, 8, 1, 2, 8), seed: 3);
        GptCheckpoint.Save(model, dir["m"], "byte");
        File.WriteAllText(dir["s.jsonl"],
            "{\"id\":\"text\",\"text\":\"abc\"}\n" +
            "{\"id\":\"ids\",\"text\":\"not used\",\"meta\":{\"tokens\":[1,2,3,4,5,6,7,8,9,10]}}\n" +
            "{\"id\":\"bad\",\"text\":\"x\",\"meta\":{\"tokens\":[1,257]}}\n");

        var (code, _, err) = CliRunner.Run("lm", "score", dir["m"], dir["s.jsonl"], "-o", dir["o.jsonl"]);
        Assert.Equal(1, code);
        Assert.Contains("s.jsonl:3: record 'bad': meta.tokens[1] = 257 is outside the model's vocabulary (0..256)", err);

        (code, _, err) = CliRunner.Run("lm", "score", dir["m"], dir["s.jsonl"], "-o", dir["o.jsonl"], "--on-error", "quarantine");
        Assert.True(code == 0, err);
        var scores = Lines(dir["o.jsonl"]);
        Assert.Equal(["text", "ids"], scores.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(3, scores[0].GetProperty("tokens").GetInt32());
        // Ten ids, longer than n_positions 8: scored as given, across two windows.
        Assert.Equal(10, scores[1].GetProperty("tokens").GetInt32());
        var expected = GptScorer.Score(model, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 256);
        Assert.Equal(expected.LogProb, scores[1].GetProperty("logprob").GetDouble(), 9);
        Assert.Contains("\"id\":\"bad\"", File.ReadAllText(Path.Combine(dir["o.jsonl"] + ".quarantine", "part-00000.lines")));
    }
}
