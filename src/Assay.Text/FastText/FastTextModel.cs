using System.Buffers;
using System.Text;

namespace Assay.Text.FastText;

/// <summary>
/// A fastText supervised model read from fastText's own .bin or quantized .ftz file, predicting
/// like <c>fasttext predict-prob</c>. Immutable after loading; <see cref="Predict(string, int, float)"/>
/// is safe to call from many threads.
/// </summary>
public sealed partial class FastTextModel
{
    private const int DecodeLimitFloats = 16 << 20;

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly IFastTextMatrix _input;
    private readonly IFastTextMatrix _output;
    private readonly IFastTextMatrix _predictInput;
    private readonly OutputLayer _outputLayer;

    internal FastTextModel(FastTextArgs args, FastTextDictionary dictionary, IFastTextMatrix input, IFastTextMatrix output)
    {
        Args = args;
        Dictionary = dictionary;
        _input = input;
        _output = output;
        // A quantized input matrix is decoded once when it is small enough: same floats, fewer lookups per token.
        _predictInput = input is QuantMatrix q && q.Rows * q.Cols <= DecodeLimitFloats ? q.ToDense() : input;
        _outputLayer = OutputLayer.Create(args.Loss, output, dictionary.LabelCounts());
    }

    public FastTextArgs Args { get; }
    public IReadOnlyList<string> Labels => Dictionary.Labels;
    public int WordCount => Dictionary.NWords;
    public bool IsQuantized => _input.IsQuantized;
    internal FastTextDictionary Dictionary { get; }
    internal IFastTextMatrix Input => _input;
    internal IFastTextMatrix OutputMatrix => _output;

    /// <summary>
    /// The <paramref name="k"/> most probable labels with probability ≥ <paramref name="threshold"/>,
    /// best first. Only the first line of <paramref name="text"/> is read, as fastText does.
    /// </summary>
    public IReadOnlyList<FastTextPrediction> Predict(string text, int k = 1, float threshold = 0f)
    {
        ArgumentNullException.ThrowIfNull(text);
        var heap = PredictCore(text, k, threshold);
        var result = new FastTextPrediction[heap.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = new FastTextPrediction(Dictionary.Label(heap.Label(i)), MathF.Exp(heap.Score(i)));
        return result;
    }

    /// <summary>
    /// The single best label, or null for text with no tokens the model can use. With
    /// <paramref name="joinLines"/> newlines count as spaces, so the whole text is judged rather than its first line.
    /// </summary>
    public FastTextPrediction? PredictBest(ReadOnlySpan<char> text, float threshold = 0f, bool joinLines = false)
    {
        var heap = PredictCore(text, 1, threshold, joinLines);
        return heap.Count == 0 ? null : new FastTextPrediction(Dictionary.Label(heap.Label(0)), MathF.Exp(heap.Score(0)));
    }

    private TopK PredictCore(ReadOnlySpan<char> text, int k, float threshold, bool joinLines = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (Args.Model != FastTextModelKind.Supervised)
            throw new InvalidOperationException($"Predict needs a supervised model; this one is {Args.Model}.");
        var s = t_scratch ??= new Scratch();
        s.Heap.Reset(Math.Min(k, Dictionary.NLabels));
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> utf8 = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int n = Encoding.UTF8.GetBytes(text, utf8);
            // In UTF-8 byte 0x0A is only ever '\n', so joining lines here spares a copy of the text.
            if (joinLines) utf8[..n].Replace((byte)'\n', (byte)' ');
            Dictionary.GetLine(utf8[..n], s.Line);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
        var ids = s.Line.IdSpan;
        if (ids.IsEmpty || s.Heap.K == 0)
            return s.Heap;
        Span<float> hidden = stackalloc float[Args.Dim];
        ComputeHidden(_predictInput, ids, hidden);
        _outputLayer.Predict(hidden, s.Heap.K, threshold, s.Heap);
        return s.Heap;
    }

    /// <summary>hidden = mean of the input rows; the scale 1/n is rounded to float first, as fastText's <c>Vector::mul</c>.</summary>
    internal static void ComputeHidden(IFastTextMatrix input, ReadOnlySpan<int> ids, Span<float> hidden)
    {
        hidden.Clear();
        if (input is DenseMatrix dense)
            dense.SumRows(ids, hidden);
        else
            foreach (int id in ids)
                input.AddRowTo(hidden, id);
        float scale = (float)(1.0 / ids.Length);
        for (int i = 0; i < hidden.Length; i++)
            hidden[i] *= scale;
    }

    private sealed class Scratch
    {
        public readonly LineBuffer Line = new();
        public readonly TopK Heap = new();
    }
}
