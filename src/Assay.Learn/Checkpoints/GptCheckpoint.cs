using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Learn.Gpt;
using Assay.Learn.Kernels;

namespace Assay.Learn.Checkpoints;

/// <summary>
/// A GPT checkpoint folder in Hugging Face GPT2LMHeadModel form: model.safetensors (names like
/// transformer.h.0.attn.c_attn.weight, Conv1D weights stored [in, out], lm_head tied to wte so not
/// stored) and config.json (n_layer, n_head, n_embd, n_positions, vocab_size, and the tokenizer's
/// name under "assay_tokenizer"). Loading also takes what converted GPT-2 checkpoints look like:
/// names without the "transformer." prefix (the hub's gpt2 model.safetensors, saved from a bare
/// GPT2Model), the attention-mask buffers h.{i}.attn.bias / attn.masked_bias (ignored), an
/// lm_head.weight equal to wte (a state_dict saved with torch), F16/BF16 tensors, and every other
/// config.json key of the real gpt2 config (ignored unless it changes the architecture).
/// </summary>
public static class GptCheckpoint
{
    public const string WeightsFile = "model.safetensors";
    public const string ConfigFile = "config.json";

    /// <summary>config.json key naming the tokenizer (an <see cref="Training.LmTokenizer"/> name); Hugging Face ignores unknown keys.</summary>
    public const string TokenizerKey = "assay_tokenizer";

    private const string Prefix = "transformer.";
    private const string HeadName = "lm_head.weight";

    public static void Save(GptModel model, string directory, string? tokenizer = null, IReadOnlyDictionary<string, string>? metadata = null)
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
        WriteConfig(model.Config, Path.Combine(directory, ConfigFile), tokenizer);
    }

    public static GptModel Load(string directory)
    {
        var config = ReadConfig(Path.Combine(directory, ConfigFile));
        string weights = Path.Combine(directory, WeightsFile);
        if (!File.Exists(weights)) throw new FileNotFoundException($"{weights} not found; a GPT checkpoint folder holds {WeightsFile} and {ConfigFile}.", weights);
        var file = SafeTensors.Read(weights);
        var layout = new GptLayout(config);
        var byName = Canonical(file, config);
        var p = new float[layout.Count];
        foreach (var t in layout.Tensors)
        {
            if (!byName.Remove(t.Name, out var st))
                throw new InvalidDataException($"{weights} has no tensor '{t.Name}' (or '{t.Name[Prefix.Length..]}') needed by {config}.");
            int[] expected = t.TransposedInCheckpoint ? [t.Shape[1], t.Shape[0]] : t.Shape;
            if (!st.Shape.SequenceEqual(expected))
                throw new InvalidDataException($"{weights}: '{st.Name}' has shape [{string.Join(", ", st.Shape)}], config.json implies [{string.Join(", ", expected)}].");
            var dst = p.AsSpan(t.Offset, t.Count);
            if (t.TransposedInCheckpoint) MatMul.Transpose(st.Data, dst, expected[0], expected[1]);
            else st.Data.CopyTo(dst);
        }
        // GPT2LMHeadModel ties lm_head to wte, and our single parameter buffer has no separate head:
        // a stored head must be the embedding (torch.save of a state_dict writes it), else refuse
        // rather than silently score with a different model.
        if (byName.Remove(HeadName, out var head) && !head.Data.AsSpan().SequenceEqual(p.AsSpan(layout.Wte, config.VocabSize * config.Channels)))
            throw new InvalidDataException($"{weights}: {HeadName} differs from wte.weight; only tied embeddings (GPT-2's) are supported.");
        if (byName.Count > 0)
            throw new InvalidDataException($"{weights} has {byName.Count} tensor(s) {config} does not use: {string.Join(", ", byName.Keys.Order(StringComparer.Ordinal).Take(5))}" +
                                           $"{(byName.Count > 5 ? ", ..." : "")}; does config.json match the weights?");
        return GptModel.FromParameters(config, p);
    }

    /// <summary>
    /// The file's tensors by our names ("transformer." added where a bare GPT2Model left it out),
    /// without the causal-mask buffers, which hold no learned values.
    /// </summary>
    private static Dictionary<string, SafeTensor> Canonical(SafeTensorsFile file, GptConfig config)
    {
        var buffers = new HashSet<string>(StringComparer.Ordinal);
        for (int l = 0; l < config.NumLayers; l++)
        {
            buffers.Add($"{Prefix}h.{l}.attn.bias");
            buffers.Add($"{Prefix}h.{l}.attn.masked_bias");
        }
        var byName = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var t in file.Tensors)
        {
            string name = t.Name == HeadName || t.Name.StartsWith(Prefix, StringComparison.Ordinal) ? t.Name : Prefix + t.Name;
            if (buffers.Contains(name)) continue;
            if (!byName.TryAdd(name, t))
                throw new InvalidDataException($"{file.Path} holds '{name}' twice (with and without the '{Prefix}' prefix).");
        }
        return byName;
    }

    public static void WriteConfig(GptConfig c, string path, string? tokenizer = null)
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
        if (tokenizer is not null) json[TokenizerKey] = tokenizer;
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>
    /// The shape config.json describes. With <paramref name="vocabSize"/> (a training config whose
    /// vocabulary follows the tokenizer) vocab_size may be left out, and if present must agree.
    /// </summary>
    public static GptConfig ReadConfig(string path, int? vocabSize = null)
    {
        var node = ParseConfig(path);
        string needs = vocabSize is null ? "n_layer, n_head, n_embd, n_positions, vocab_size" : "n_layer, n_head, n_embd, n_positions";
        int Get(string key, string? fallback = null) => node[key]?.GetValue<int>() ?? (fallback is null ? null : node[fallback]?.GetValue<int>())
            ?? throw new InvalidDataException($"{path} lacks \"{key}\" (needs {needs}).");
        if (vocabSize is { } v && node["vocab_size"]?.GetValue<int>() is { } fileVocab && fileVocab != v)
            throw new InvalidDataException($"{path}: vocab_size {fileVocab}, but the tokenizer has {v} tokens; drop vocab_size (it follows the tokenizer).");
        void Unsupported(string why) => throw new InvalidDataException($"{path}: {why}; only GPT-2's architecture is supported.");
        if (node["model_type"]?.GetValue<string>() is { } type && type != "gpt2") Unsupported($"model_type {type}");
        if (node["activation_function"]?.GetValue<string>() is { } act && act is not ("gelu_new" or "gelu_pytorch_tanh"))
            Unsupported($"activation_function {act} (only the tanh GELU, gelu_new)");
        if (node["layer_norm_epsilon"]?.GetValue<double>() is { } eps && Math.Abs(eps - LayerNorm.Eps) > 1e-12)
            Unsupported($"layer_norm_epsilon {eps} (the kernels use GPT-2's {LayerNorm.Eps})");
        if (node["tie_word_embeddings"]?.GetValue<bool>() == false) Unsupported("tie_word_embeddings false");
        if (node["scale_attn_weights"]?.GetValue<bool>() == false) Unsupported("scale_attn_weights false");
        if (node["scale_attn_by_inverse_layer_idx"]?.GetValue<bool>() == true) Unsupported("scale_attn_by_inverse_layer_idx true");
        if (node["add_cross_attention"]?.GetValue<bool>() == true) Unsupported("add_cross_attention true");
        // n_positions is the real context; GPT-2's configs repeat it as n_ctx (older ones have only n_ctx).
        var config = new GptConfig(vocabSize ?? Get("vocab_size"), Get("n_positions", "n_ctx"), Get("n_layer"), Get("n_head"), Get("n_embd"));
        if (node["n_inner"]?.GetValue<int>() is { } inner && inner != 4 * config.Channels) Unsupported($"n_inner {inner} (the MLP is 4 x n_embd = {4 * config.Channels} wide)");
        config.Validate();
        return config;
    }

    /// <summary>The tokenizer name config.json records under <see cref="TokenizerKey"/>, or null (e.g. a converted GPT-2 checkpoint).</summary>
    public static string? TokenizerOf(string directory) => ParseConfig(Path.Combine(directory, ConfigFile))[TokenizerKey]?.GetValue<string>();

    private static JsonObject ParseConfig(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found; a GPT checkpoint folder holds {WeightsFile} and {ConfigFile}.", path);
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} does not hold a JSON object.");
        }
        catch (JsonException e) { throw new InvalidDataException($"{path} is not valid JSON: {e.Message}"); }
    }
}
