namespace Assay.Learn.Gpt;

/// <summary>
/// What the forward pass caches for backward, sized for one (B, T), plus the gradient scratch the
/// backward pass reuses layer by layer (one residual-gradient stream instead of llm.c's full copy).
/// </summary>
internal sealed class GptActivations
{
    public GptActivations(GptConfig cfg, int b, int t)
    {
        int l = cfg.NumLayers, c = cfg.Channels, nh = cfg.NumHeads, v = cfg.VocabSize, n = b * t;
        B = b;
        T = t;
        Inputs = new int[n];
        Targets = new int[n];
        Encoded = new float[n * c];
        Ln1 = new float[l * n * c];
        Ln1Mean = new float[l * n];
        Ln1Rstd = new float[l * n];
        Qkv = new float[l * n * 3 * c];
        Atty = new float[l * n * c];
        Att = new float[l * b * nh * t * t];
        AttProj = new float[l * n * c];
        Residual2 = new float[l * n * c];
        Ln2 = new float[l * n * c];
        Ln2Mean = new float[l * n];
        Ln2Rstd = new float[l * n];
        Fch = new float[l * n * 4 * c];
        FchGelu = new float[l * n * 4 * c];
        FcProj = new float[l * n * c];
        Residual3 = new float[l * n * c];
        LnF = new float[n * c];
        LnFMean = new float[n];
        LnFRstd = new float[n];
        Logits = new float[n * v];
        Probs = new float[n * v];
        Losses = new float[n];
        DLosses = new float[n];
        DResidual = new float[n * c];
        DLn = new float[n * c];
        DAtty = new float[n * c];
        DQkv = new float[n * 3 * c];
        DFch = new float[n * 4 * c];
        DFchGelu = new float[n * 4 * c];
    }

    public int B { get; }
    public int T { get; }
    public bool HasTargets { get; set; }
    public bool HasForward { get; set; }
    public bool LogitsAreGradients { get; set; }

    public int[] Inputs { get; }
    public int[] Targets { get; }
    public float[] Encoded { get; }
    public float[] Ln1 { get; }
    public float[] Ln1Mean { get; }
    public float[] Ln1Rstd { get; }
    public float[] Qkv { get; }
    public float[] Atty { get; }
    public float[] Att { get; }
    public float[] AttProj { get; }
    public float[] Residual2 { get; }
    public float[] Ln2 { get; }
    public float[] Ln2Mean { get; }
    public float[] Ln2Rstd { get; }
    public float[] Fch { get; }
    public float[] FchGelu { get; }
    public float[] FcProj { get; }
    public float[] Residual3 { get; }
    public float[] LnF { get; }
    public float[] LnFMean { get; }
    public float[] LnFRstd { get; }
    public float[] Logits { get; }
    public float[] Probs { get; }
    public float[] Losses { get; }
    public float[] DLosses { get; }
    public float[] DResidual { get; }
    public float[] DLn { get; }
    public float[] DAtty { get; }
    public float[] DQkv { get; }
    public float[] DFch { get; }
    public float[] DFchGelu { get; }
}
