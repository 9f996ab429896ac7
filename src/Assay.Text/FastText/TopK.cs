namespace Assay.Text.FastText;

/// <summary>
/// The k best (log-probability, label) pairs, kept sorted best first; stands in for fastText's
/// min-heap and gives the same set and order (k is small, so insertion beats a heap).
/// </summary>
internal sealed class TopK
{
    private float[] _scores = new float[8];
    private int[] _labels = new int[8];

    public int K { get; private set; }
    public int Count { get; private set; }

    /// <summary>The worst kept score: what a candidate must beat once the list is full.</summary>
    public float Min => _scores[Count - 1];
    public bool IsFull => Count == K;

    public void Reset(int k)
    {
        K = k;
        Count = 0;
        if (_scores.Length < k + 1)
        {
            _scores = new float[k + 1];
            _labels = new int[k + 1];
        }
    }

    public void Push(float score, int label)
    {
        int i = Count;
        while (i > 0 && _scores[i - 1] < score)
        {
            _scores[i] = _scores[i - 1];
            _labels[i] = _labels[i - 1];
            i--;
        }
        _scores[i] = score;
        _labels[i] = label;
        if (Count < K)
            Count++;
    }

    public float Score(int i) => _scores[i];
    public int Label(int i) => _labels[i];
}
