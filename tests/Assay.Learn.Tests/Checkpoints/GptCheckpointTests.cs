using System.Text.Json;
using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;
using Assay.Learn.Tests.Gpt;

namespace Assay.Learn.Tests.Checkpoints;

public sealed class GptCheckpointTests
{
    [Fact]
    public void Save_then_load_restores_parameters_and_logits_in_hugging_face_layout()
    {
        using var dir = new TempDir();
        var m = GptGradientTests.RandomTiny(21);
        GptCheckpoint.Save(m, dir.Path);

        var cfg = JsonDocument.Parse(File.ReadAllText(dir.File("config.json"))).RootElement;
        Assert.Equal(2, cfg.GetProperty("n_layer").GetInt32());
        Assert.Equal(2, cfg.GetProperty("n_head").GetInt32());
        Assert.Equal(8, cfg.GetProperty("n_embd").GetInt32());
        Assert.Equal(6, cfg.GetProperty("n_positions").GetInt32());
        Assert.Equal(11, cfg.GetProperty("vocab_size").GetInt32());

        // Conv1D weights are stored [in, out]: file[i, o] == ours[o, i].
        var file = SafeTensors.Read(dir.File("model.safetensors"));
        var cattn = file["transformer.h.1.attn.c_attn.weight"];
        Assert.Equal([8, 24], cattn.Shape);
        var ours = m.Layout["transformer.h.1.attn.c_attn.weight"];
        for (int o = 0; o < 24; o++)
            for (int i = 0; i < 8; i++)
                Assert.Equal(m.Parameters[ours.Offset + o * 8 + i], cattn.Data[i * 24 + o]);
        Assert.False(file.TryGet("lm_head.weight", out _)); // tied to wte

        var back = GptCheckpoint.Load(dir.Path);
        Assert.Equal(m.Config, back.Config);
        Assert.Equal(m.Parameters, back.Parameters);
        int[] x = [1, 2, 3, 4, 5];
        m.Forward(x, [], 1, 5);
        back.Forward(x, [], 1, 5);
        Assert.Equal(m.Logits.ToArray(), back.Logits.ToArray());
    }

    [Fact]
    public void Load_explains_a_missing_tensor_or_config_key()
    {
        using var dir = new TempDir();
        var m = GptModel.Create(GptGradientTests.Tiny, 1);
        GptCheckpoint.Save(m, dir.Path);
        File.WriteAllText(dir.File("config.json"), """{"n_layer": 3, "n_head": 2, "n_embd": 8, "n_positions": 6, "vocab_size": 11}""");
        Assert.Contains("transformer.h.2.ln_1.weight", Assert.Throws<InvalidDataException>(() => GptCheckpoint.Load(dir.Path)).Message);
        File.WriteAllText(dir.File("config.json"), """{"n_layer": 2}""");
        Assert.Contains("n_head", Assert.Throws<InvalidDataException>(() => GptCheckpoint.Load(dir.Path)).Message);
    }

    [Fact]
    public void The_tokenizer_name_is_recorded_in_config_json_and_read_back()
    {
        using var dir = new TempDir();
        var m = GptModel.Create(GptGradientTests.Tiny, 1);
        GptCheckpoint.Save(m, dir.Path, "cl100k_base");
        var cfg = JsonDocument.Parse(File.ReadAllText(dir.File("config.json"))).RootElement;
        Assert.Equal("cl100k_base", cfg.GetProperty("assay_tokenizer").GetString());
        Assert.Equal("cl100k_base", GptCheckpoint.TokenizerOf(dir.Path));
        GptCheckpoint.Save(m, dir.Path);
        Assert.Null(GptCheckpoint.TokenizerOf(dir.Path));
    }
}
