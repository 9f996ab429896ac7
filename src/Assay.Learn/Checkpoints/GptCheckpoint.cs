using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;

namespace Assay.Learn.Checkpoints;

/// <summary>
/// A GPT checkpoint folder in Hugging Face GPT2LMHeadModel form: model.safetensors (names like
/// transformer.h.0.attn.c_attn.weight, Conv1D weights stored [in, out], lm_head tied to wte so not
/// stored) and config.json (n_layer, n_head, n_embd, n_positions, vocab_size).
/// </summary>
public static class GptCheckpoint
{
    public const string WeightsFile = "model.safetensors";
    public const string ConfigFile = "config.json";

    public static void Save(GptModel model, string directory, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Directory.CreateDirectory(directory);
        var tensors = model.Layout.Tensors.Select(t =>
        {
            var data = new ReadOnlyMemory<float>(model.Parameters, t.Offset, t.Count);
            if (!t.TransposedInCheckpoint) return (t.Name, t.Shape, data);
            // Ours (out, in) -> Conv1D (in, out)
            var tr = new float[t.Count];
            MatMul.Transpose(data.Span, tr, t.Shape[0], t.Shape[1]);
            return (t.Name, new[] { t.Shape[1], t.Shape[0] }, new ReadOnlyMemory<float>(tr));
        });
        var meta = new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = "pt", ["producer"] = "assay" };
        if (metadata is not null) foreach (var (k, v) in metadata) meta[k] = v;
        SafeTensors.Write(Path.Combine(directory, WeightsFile), tensors, meta);
        WriteConfig(model.Config, Path.Combine(directory, ConfigFile));
    }

    public static GptModel Load(string directory)
    {
        var config = ReadConfig(Path.Combine(directory, ConfigFile));
        string weights = Path.Combine(directory, WeightsFile);
        if (!File.Exists(weights)) throw new FileNotFoundException($"{weights} not found; a GPT checkpoint folder holds {WeightsFile} and {ConfigFile}.", weights);
        var file = SafeTensors.Read(weights);
        var layout = new GptLayout(config);
        var p = new float[layout.Count];
        foreach (var t in layout.Tensors)
        {
            // Files saved from a bare GPT2Model (e.g. the original "gpt2" repo) lack the "transformer." prefix.
            if (!file.TryGet(t.Name, out var st) && !file.TryGet(t.Name["transformer.".Length..], out st))
                throw new InvalidDataException($"{weights} has no tensor '{t.Name}' needed by {config}.");
            int[] expected = t.TransposedInCheckpoint ? [t.Shape[1], t.Shape[0]] : t.Shape;
            if (!st.Shape.SequenceEqual(expected))
                throw new InvalidDataException($"{weights}: '{st.Name}' has shape [{string.Join(", ", st.Shape)}], config.json implies [{string.Join(", ", expected)}].");
            var dst = p.AsSpan(t.Offset, t.Count);
            if (t.TransposedInCheckpoint) MatMul.Transpose(st.Data, dst, expected[0], expected[1]);
            else st.Data.CopyTo(dst);
        }
        if (file.TryGet("lm_head.weight", out var head) && !head.Data.AsSpan().SequenceEqual(p.AsSpan(layout.Wte, config.VocabSize * config.Channels)))
            throw new InvalidDataException($"{weights}: lm_head.weight differs from transformer.wte.weight; only tied embeddings are supported.");
        return GptModel.FromParameters(config, p);
    }

    public static void WriteConfig(GptConfig c, string path)
    {
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray("GPT2LMHeadModel"),
            ["model_type"] = "gpt2",
            ["vocab_size"] = c.VocabSize,
            ["n_positions"] = c.MaxSeqLen,
            ["n_ctx"] = c.MaxSeqLen,
            ["n_embd"] = c.Channels,
            ["n_layer"] = c.NumLayers,
            ["n_head"] = c.NumHeads,
            ["activation_function"] = "gelu_new",
            ["layer_norm_epsilon"] = LayerNorm.Eps,
            ["tie_word_embeddings"] = true,
        };
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static GptConfig ReadConfig(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found; a GPT checkpoint folder holds {WeightsFile} and {ConfigFile}.", path);
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON: {e.Message}"); }
        int Get(string key) => node?[key]?.GetValue<int>()
            ?? throw new InvalidDataException($"{path} lacks \"{key}\" (needs n_layer, n_head, n_embd, n_positions, vocab_size).");
        if (node?["activation_function"]?.GetValue<string>() is { } act && act is not ("gelu_new" or "gelu_pytorch_tanh"))
            throw new InvalidDataException($"{path}: activation_function {act} is not supported (only the tanh GELU, gelu_new).");
        var config = new GptConfig(Get("vocab_size"), Get("n_positions"), Get("n_layer"), Get("n_head"), Get("n_embd"));
        config.Validate();
        return config;
    }
}
