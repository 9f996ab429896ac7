namespace Assay.Text.FastText;

/// <summary>
/// The hyper-parameters fastText stores in a model file (<c>Args::save</c>): twelve int32 fields
/// and one double, in this order. Only these travel with the model; the rest of fastText's
/// command-line options (lr, thread, ...) do not.
/// </summary>
public sealed record FastTextArgs(
    int Dim,
    int Ws,
    int Epoch,
    int MinCount,
    int Neg,
    int WordNgrams,
    FastTextLoss Loss,
    FastTextModelKind Model,
    int Bucket,
    int Minn,
    int Maxn,
    int LrUpdateRate,
    double SamplingThreshold)
{
    /// <summary>fastText's label prefix; it is not stored in the file, fastText assumes the default too.</summary>
    public const string LabelPrefix = "__label__";

    internal static FastTextArgs Read(ref FastTextReader r) => new(
        Dim: r.ReadInt32(),
        Ws: r.ReadInt32(),
        Epoch: r.ReadInt32(),
        MinCount: r.ReadInt32(),
        Neg: r.ReadInt32(),
        WordNgrams: r.ReadInt32(),
        Loss: (FastTextLoss)r.ReadInt32(),
        Model: (FastTextModelKind)r.ReadInt32(),
        Bucket: r.ReadInt32(),
        Minn: r.ReadInt32(),
        Maxn: r.ReadInt32(),
        LrUpdateRate: r.ReadInt32(),
        SamplingThreshold: r.ReadDouble());

    internal void Write(BinaryWriter w)
    {
        w.Write(Dim);
        w.Write(Ws);
        w.Write(Epoch);
        w.Write(MinCount);
        w.Write(Neg);
        w.Write(WordNgrams);
        w.Write((int)Loss);
        w.Write((int)Model);
        w.Write(Bucket);
        w.Write(Minn);
        w.Write(Maxn);
        w.Write(LrUpdateRate);
        w.Write(SamplingThreshold);
    }
}
