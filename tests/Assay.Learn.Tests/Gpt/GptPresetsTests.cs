using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;
using Assay.Learn.Tests.Checkpoints;

namespace Assay.Learn.Tests.Gpt;

public sealed class GptPresetsTests
{
    [Fact]
    public void Presets_have_the_shapes_they_cite()
    {
        // tiny: issue #4's speed-target model (bench/RESULTS.md, learn-gpt-speed).
        Assert.Equal(new GptConfig(VocabSize: 257, MaxSeqLen: 256, NumLayers: 4, NumHeads: 4, Channels: 256), GptPresets.Resolve("tiny", 257));
        // small: GPT-2 small; with GPT-2's vocabulary it has Hugging Face gpt2's 124,439,808 parameters.
        var small = GptPresets.Resolve("small", 50257);
        Assert.Equal(new GptConfig(50257, 1024, 12, 12, 768), small);
        Assert.Equal(124_439_808, new GptLayout(small).Count);
        Assert.Equal(["tiny", "small"], GptPresets.KnownNames);
    }

    [Fact]
    public void A_config_file_takes_its_vocabulary_from_the_tokenizer_and_must_agree_if_it_names_one()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.json"), """{"n_layer": 3, "n_head": 2, "n_embd": 32, "n_positions": 64}""");
        Assert.Equal(new GptConfig(100, 64, 3, 2, 32), GptPresets.Resolve(dir.File("a.json"), 100));

        // A checkpoint's own config.json works too, when the vocabulary matches.
        GptCheckpoint.WriteConfig(new GptConfig(100, 16, 1, 2, 8), dir.File("config.json"));
        Assert.Equal(new GptConfig(100, 16, 1, 2, 8), GptPresets.Resolve(dir.File("config.json"), 100));
        var e = Assert.Throws<InvalidDataException>(() => GptPresets.Resolve(dir.File("config.json"), 257));
        Assert.Contains("vocab_size 100, but the tokenizer has 257 tokens", e.Message);

        File.WriteAllText(dir.File("b.json"), """{"n_layer": 3, "n_head": 2, "n_embd": 32}""");
        e = Assert.Throws<InvalidDataException>(() => GptPresets.Resolve(dir.File("b.json"), 100));
        Assert.Contains("lacks \"n_positions\" (needs n_layer, n_head, n_embd, n_positions)", e.Message);
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => GptPresets.Resolve("huge", 257));
        Assert.Equal("'huge' is not a GPT config: not one of tiny, small, and no such file (a JSON file with n_layer, n_head, n_embd, n_positions).", e.Message);
    }
}
