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

    /// <summary>Six short documents, over 300 bytes in all: enough windows for a context of 256 byte tokens.</summary>
    private static string Corpus(TempDir dir)
    {
        File.WriteAllText(dir["d.jsonl"], string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"{{\"id\":\"d{i}\",\"text\":\"hello world, the state of the union is strong, said the president {i}\"}}\n")));
        return dir["d.jsonl"];
    }

    private static JsonElement Config(string outDir) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "checkpoint", "config.json"))).RootElement;

    private static int[] Shape(JsonElement config) =>
        [.. new[] { "n_layer", "n_head", "n_embd", "n_positions", "vocab_size" }.Select(k => config.GetProperty(k).GetInt32())];

    [Fact]
    public void TheIssueSpellingsTrainScoreAndGenerateEndToEnd()
    {
        using var dir = new TempDir();
        string data = Corpus(dir);
        File.WriteAllText(dir["cfg.json"], """{"n_layer": 1, "n_head": 2, "n_embd": 16, "n_positions": 16}""");

        // lm train --data DATASET --tokenizer NAME --config FILE --steps N --out DIR
        var (code, _, err) = CliRunner.Run("lm", "train", "--data", data, "--tokenizer", "byte", "--config", dir["cfg.json"], "--steps", "2", "--out", dir["m"],
            "--batch", "2", "--warmup", "1", "--eval-every", "0");
        Assert.True(code == 0, err);
        Assert.Equal([1, 2, 16, 16, 257], Shape(Config(dir["m"]))); // vocab_size from the byte tokenizer
        Assert.Equal(2, Lines(Path.Combine(dir["m"], "loss.jsonl")).Length); // one line per step

        // lm score --model DIR --input DATASET --output FILE.jsonl
        string model = Path.Combine(dir["m"], "checkpoint");
        (code, _, err) = CliRunner.Run("lm", "score", "--model", model, "--input", data, "--output", dir["s.jsonl"]);
        Assert.True(code == 0, err);
        var scores = Lines(dir["s.jsonl"]);
        Assert.Equal(["d0", "d1", "d2", "d3", "d4", "d5"], scores.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(["id", "logprob", "tokens", "ppl"], scores[0].EnumerateObject().Select(p => p.Name));

        // The positional form scores the same.
        (code, _, err) = CliRunner.Run("lm", "score", model, data, "-o", dir["s2.jsonl"]);
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllText(dir["s.jsonl"]), File.ReadAllText(dir["s2.jsonl"]));

        // lm generate --model DIR --prompt TEXT
        string output;
        (code, output, err) = CliRunner.Run("lm", "generate", "--model", model, "--prompt", "hello", "--max-new", "4", "--json");
        Assert.True(code == 0, err);
        var gen = JsonDocument.Parse(output).RootElement;
        Assert.Equal("hello", gen.GetProperty("prompt").GetString());
        Assert.InRange(gen.GetProperty("tokens").GetInt32(), 1, 4);
    }

    [Fact]
    public void ConfigTinyTrainsTheSpeedTargetShape()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRunner.Run("lm", "train", "--data", Corpus(dir), "--tokenizer", "byte", "--config", "tiny", "--steps", "1", "--out", dir["m"],
            "--batch", "1", "--warmup", "1", "--eval-every", "0");
        Assert.True(code == 0, err);
        Assert.Equal([4, 4, 256, 256, 257], Shape(Config(dir["m"])));
    }

    [Fact]
    public void ExplicitShapeOptionsOverrideTheConfigPreset()
    {
        using var dir = new TempDir();
        // small is 12 layers, 12 heads, width 768, context 1024; the heads come through, the rest is overridden.
        var (code, _, err) = CliRunner.Run("lm", "train", Corpus(dir), "-o", dir["m"], "--config", "small", "--layers", "1", "--embd", "24", "--context", "8",
            "--steps", "1", "--batch", "1", "--warmup", "1", "--eval-every", "0");
        Assert.True(code == 0, err);
        Assert.Equal([1, 12, 24, 8, 257], Shape(Config(dir["m"])));

        // --model with a positional DATASET: the positional fills the slot not named.
        (code, _, err) = CliRunner.Run("lm", "score", "--model", Path.Combine(dir["m"], "checkpoint"), dir["d.jsonl"], "-o", dir["s.jsonl"]);
        Assert.True(code == 0, err);
        Assert.Equal(6, Lines(dir["s.jsonl"]).Length);
    }

    [Fact]
    public void ABadConfigNamesTheAcceptedOnes()
    {
        using var dir = new TempDir();
        var (code, _, err) = CliRunner.Run("lm", "train", "--data", Corpus(dir), "--config", "huge", "--out", dir["m"]);
        Assert.Equal(1, code);
        Assert.Contains("assay: error: --config: 'huge' is not a GPT config: not one of tiny, small, and no such file (a JSON file with n_layer, n_head, n_embd, n_positions)", err);

        File.WriteAllText(dir["cfg.json"], """{"n_layer": 1, "n_head": 2, "n_embd": 16, "n_positions": 16, "vocab_size": 50257}""");
        (code, _, err) = CliRunner.Run("lm", "train", "--data", dir["d.jsonl"], "--config", dir["cfg.json"], "--out", dir["m"]);
        Assert.Equal(1, code);
        Assert.Contains("vocab_size 50257, but the tokenizer has 257 tokens", err);
        Assert.False(Directory.Exists(dir["m"]));
    }

    [Fact]
    public void AValueGivenNeitherWayOrBothWaysIsAUsageError()
    {
        using var dir = new TempDir();
        string data = Corpus(dir);
        var (code, _, err) = CliRunner.Run("lm", "train", "--out", dir["m"]);
        Assert.Equal(1, code);
        Assert.Contains("assay: error: lm train: no DATASET; give --data DATASET, or use the positional form 'lm train DATASET'", err);

        (code, _, err) = CliRunner.Run("lm", "train", data, "--data", data, "--out", dir["m"]);
        Assert.Equal(1, code);
        Assert.Contains($"assay: error: lm train: '{data}' and --data '{data}' both give DATASET; give each once", err);

        (code, _, err) = CliRunner.Run("lm", "score", "--input", data, "-o", dir["s.jsonl"]);
        Assert.Equal(1, code);
        Assert.Contains("assay: error: lm score: no CHECKPOINT; give --model DIR, or use the positional form 'lm score CHECKPOINT DATASET'", err);

        (code, _, err) = CliRunner.Run("lm", "generate", "--prompt", "x");
        Assert.Equal(1, code);
        Assert.Contains("assay: error: lm generate: no CHECKPOINT; give --model DIR", err);
    }
}
