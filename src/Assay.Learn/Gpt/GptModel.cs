using System.Numerics.Tensors;

namespace Assay.Learn.Gpt;

/// <summary>
/// Decoder-only GPT-2 (pre-LayerNorm, tanh-GELU MLP, lm_head tied to wte) in llm.c's style: all
/// parameters live in one buffer (<see cref="Parameters"/>) with named slices (<see cref="Layout"/>),
/// gradients share that layout, forward caches activations, backward adds into <see cref="Gradients"/>.
/// </summary>
public sealed partial class GptModel
{
    // The most recent activations and the ones before, so alternating two shapes (a training batch
    // and per-example B=1 passes) does not reallocate every call.
    private GptActivations? _acts;
    private GptActivations? _previousActs;

    private GptModel(GptConfig config, float[] parameters)
    {
        Layout = new GptLayout(config);
        if (parameters.Length != Layout.Count)
            throw new ArgumentException($"Parameter buffer has {parameters.Length} floats; {config} needs {Layout.Count}.");
        Parameters = parameters;
        Gradients = new float[Layout.Count];
    }

    public GptConfig Config => Layout.Config;
    public GptLayout Layout { get; }
    public float[] Parameters { get; }
    public float[] Gradients { get; }

    /// <summary>Wraps an existing parameter buffer (e.g. from a checkpoint); the model takes ownership.</summary>
    public static GptModel FromParameters(GptConfig config, float[] parameters) => new(config, parameters);

    /// <summary>GPT-2 initialisation: N(0, 0.02) weights, residual projections scaled by 1/sqrt(2 n_layer), LayerNorm weight 1, biases 0.</summary>
    public static GptModel Create(GptConfig config, int seed)
    {
        var layout = new GptLayout(config);
        var p = new float[layout.Count];
        var rng = new Random(seed);
        float residualStd = 0.02f / MathF.Sqrt(2 * config.NumLayers);
        foreach (var t in layout.Tensors)
        {
            var s = p.AsSpan(t.Offset, t.Count);
            if (t.Name.EndsWith(".bias", StringComparison.Ordinal)) continue;
            if (t.Name.Contains("ln_", StringComparison.Ordinal)) { s.Fill(1f); continue; }
            float std = t.Name.EndsWith("c_proj.weight", StringComparison.Ordinal) ? residualStd : 0.02f;
            for (int i = 0; i < s.Length; i++) s[i] = std * Gaussian(rng);
        }
        return new GptModel(config, p);
    }

    internal static float Gaussian(Random rng)
    {
        // Box-Muller; 1 - u keeps the log argument in (0, 1].
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public void ZeroGradients() => Array.Clear(Gradients);

    /// <summary>Logits (B, T, V) of the last forward pass.</summary>
    public ReadOnlySpan<float> Logits => Acts() is { LogitsAreGradients: false } a ? a.Logits
        : throw new InvalidOperationException("Backward overwrote the logits with their gradient; run Forward again.");

    /// <summary>Softmax probabilities (B, T, V) of the last forward pass.</summary>
    public ReadOnlySpan<float> Probabilities => Acts().Probs;

    /// <summary>Per-position losses (B, T) of the last forward pass with targets (0 where the target was negative).</summary>
    public ReadOnlySpan<float> Losses => Acts().Losses;

    private GptActivations Acts() => _acts is { HasForward: true } a ? a
        : throw new InvalidOperationException("Call Forward first.");

    private GptActivations Ensure(int b, int t)
    {
        if (b < 1 || t < 1) throw new ArgumentException($"B and T must be positive, got B={b}, T={t}.");
        if (t > Config.MaxSeqLen)
            throw new ArgumentException($"T={t} exceeds the model's n_positions={Config.MaxSeqLen}.");
        if (_acts is not null && _acts.B == b && _acts.T == t) return _acts;
        var reuse = _previousActs is not null && _previousActs.B == b && _previousActs.T == t ? _previousActs : null;
        _previousActs = _acts;
        _acts = reuse ?? new GptActivations(Config, b, t);
        _acts.HasForward = false;
        return _acts;
    }

    /// <summary>L2 norm of the gradient buffer, summed in double in index order (deterministic).</summary>
    public double GradientNorm()
    {
        double s = 0;
        foreach (float g in Gradients) s += (double)g * g;
        return Math.Sqrt(s);
    }

    internal static double SumSquares(ReadOnlySpan<float> x) => TensorPrimitives.Dot(x, x);
}
