using Assay.Learn.Checkpoints;

namespace Assay.Learn.Gpt;

/// <summary>
/// Named GPT shapes to train, without vocab_size (it follows the tokenizer). A name never changes
/// its shape; a different shape gets a new name.
/// <list type="bullet">
/// <item><c>tiny</c>: 4 layers, 4 heads, width 256, context 256 — the model of issue #4's speed
/// target (bench/RESULTS.md, <c>learn-gpt-speed</c>); about 3.2M parameters besides the embeddings.</item>
/// <item><c>small</c>: 12 layers, 12 heads, width 768, context 1024 — GPT-2 small (Radford et al.
/// 2019, "Language Models are Unsupervised Multitask Learners", table 2; Hugging Face's
/// <c>gpt2</c> config.json); 124M parameters with GPT-2's 50,257-token vocabulary.</item>
/// </list>
/// </summary>
public static class GptPresets
{
    private static readonly (string Name, int Layers, int Heads, int Channels, int Context, string Origin)[] Shapes =
    [
        ("tiny", 4, 4, 256, 256, "issue #4's speed-target model"),
        ("small", 12, 12, 768, 1024, "GPT-2 small"),
    ];

    public static IReadOnlyList<string> KnownNames { get; } = [.. Shapes.Select(s => s.Name)];

    /// <summary>"tiny (4 layers, 4 heads, width 256, context 256; issue #4's speed-target model), small (...)", for help text.</summary>
    public static string Describe() => string.Join(", ", Shapes.Select(s =>
        $"{s.Name} ({s.Layers} layers, {s.Heads} heads, width {s.Channels}, context {s.Context}; {s.Origin})"));

    /// <summary>The preset <paramref name="name"/> with <paramref name="vocabSize"/> tokens, or null if there is no such name.</summary>
    public static GptConfig? Find(string name, int vocabSize)
    {
        foreach (var s in Shapes)
            if (s.Name == name) return new GptConfig(vocabSize, s.Context, s.Layers, s.Heads, s.Channels);
        return null;
    }

    /// <summary>
    /// A preset by name, else a config.json-style file (n_layer, n_head, n_embd, n_positions; a
    /// vocab_size there must equal <paramref name="vocabSize"/>).
    /// </summary>
    public static GptConfig Resolve(string nameOrFile, int vocabSize)
    {
        if (Find(nameOrFile, vocabSize) is { } preset) return preset;
        if (File.Exists(nameOrFile)) return GptCheckpoint.ReadConfig(nameOrFile, vocabSize);
        throw new ArgumentException($"'{nameOrFile}' is not a GPT config: not one of {string.Join(", ", KnownNames)}, " +
                                    "and no such file (a JSON file with n_layer, n_head, n_embd, n_positions).");
    }
}
