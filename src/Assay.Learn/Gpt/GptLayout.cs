namespace Assay.Learn.Gpt;

/// <summary>
/// Offsets of every parameter in the one contiguous buffer, in llm.c's order: each kind of tensor
/// is stacked over layers (all layers' c_attn weights together), so a layer's tensor is a contiguous
/// sub-slice. Gradients and Adam moments use the same offsets.
/// </summary>
public sealed class GptLayout
{
    public GptLayout(GptConfig config)
    {
        config.Validate();
        Config = config;
        int v = config.VocabSize, t = config.MaxSeqLen, l = config.NumLayers, c = config.Channels;
        int next = 0;
        int Take(int count) { int o = next; next += count; return o; }
        Wte = Take(v * c);
        Wpe = Take(t * c);
        Ln1W = Take(l * c);
        Ln1B = Take(l * c);
        QkvW = Take(l * 3 * c * c);
        QkvB = Take(l * 3 * c);
        AttProjW = Take(l * c * c);
        AttProjB = Take(l * c);
        Ln2W = Take(l * c);
        Ln2B = Take(l * c);
        FcW = Take(l * 4 * c * c);
        FcB = Take(l * 4 * c);
        FcProjW = Take(l * c * 4 * c);
        FcProjB = Take(l * c);
        LnFW = Take(c);
        LnFB = Take(c);
        Count = next;

        var list = new List<ParameterTensor>
        {
            new("transformer.wte.weight", Wte, [v, c], false),
            new("transformer.wpe.weight", Wpe, [t, c], false),
        };
        for (int i = 0; i < l; i++)
        {
            string p = $"transformer.h.{i}.";
            list.Add(new(p + "ln_1.weight", Ln1W + i * c, [c], false));
            list.Add(new(p + "ln_1.bias", Ln1B + i * c, [c], false));
            list.Add(new(p + "attn.c_attn.weight", QkvW + i * 3 * c * c, [3 * c, c], true));
            list.Add(new(p + "attn.c_attn.bias", QkvB + i * 3 * c, [3 * c], false));
            list.Add(new(p + "attn.c_proj.weight", AttProjW + i * c * c, [c, c], true));
            list.Add(new(p + "attn.c_proj.bias", AttProjB + i * c, [c], false));
            list.Add(new(p + "ln_2.weight", Ln2W + i * c, [c], false));
            list.Add(new(p + "ln_2.bias", Ln2B + i * c, [c], false));
            list.Add(new(p + "mlp.c_fc.weight", FcW + i * 4 * c * c, [4 * c, c], true));
            list.Add(new(p + "mlp.c_fc.bias", FcB + i * 4 * c, [4 * c], false));
            list.Add(new(p + "mlp.c_proj.weight", FcProjW + i * 4 * c * c, [c, 4 * c], true));
            list.Add(new(p + "mlp.c_proj.bias", FcProjB + i * c, [c], false));
        }
        list.Add(new("transformer.ln_f.weight", LnFW, [c], false));
        list.Add(new("transformer.ln_f.bias", LnFB, [c], false));
        Tensors = list;
        _byName = list.ToDictionary(x => x.Name, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, ParameterTensor> _byName;

    public GptConfig Config { get; }
    public int Count { get; }
    public IReadOnlyList<ParameterTensor> Tensors { get; }

    public int Wte { get; }
    public int Wpe { get; }
    public int Ln1W { get; }
    public int Ln1B { get; }
    public int QkvW { get; }
    public int QkvB { get; }
    public int AttProjW { get; }
    public int AttProjB { get; }
    public int Ln2W { get; }
    public int Ln2B { get; }
    public int FcW { get; }
    public int FcB { get; }
    public int FcProjW { get; }
    public int FcProjB { get; }
    public int LnFW { get; }
    public int LnFB { get; }

    public ParameterTensor this[string name] => _byName.TryGetValue(name, out var t) ? t
        : throw new KeyNotFoundException($"No GPT parameter named '{name}'. Valid names look like {string.Join(", ", Tensors.Take(4).Select(x => x.Name))}, ... ({Tensors.Count} in all).");

    /// <summary>Tensors whose name equals or starts with one of the prefixes (e.g. "transformer.h.3." or "transformer.ln_f").</summary>
    public IReadOnlyList<ParameterTensor> Select(IEnumerable<string> prefixes)
    {
        var ps = prefixes.ToArray();
        var picked = Tensors.Where(t => ps.Any(p => t.Name.StartsWith(p, StringComparison.Ordinal))).ToList();
        if (picked.Count == 0)
            throw new ArgumentException($"No GPT parameter matches {string.Join(", ", ps)}.");
        return picked;
    }
}
