using System.Text;

namespace Assay.Text.FastText;

/// <summary>
/// fastText's <c>Dictionary</c>: words then labels (each sorted by count, descending), their
/// counts, the optional map that renumbers hashed n-gram buckets after pruning, and the subword
/// ids of every in-vocabulary word. Words are kept as UTF-8 bytes in one blob so lookups need no
/// string per token.
/// </summary>
internal sealed partial class FastTextDictionary
{
    public static ReadOnlySpan<byte> Eos => "</s>"u8;
    public static ReadOnlySpan<byte> LabelPrefix => "__label__"u8;
    private const byte WordType = 0;
    private const byte LabelType = 1;

    private readonly byte[] _blob;
    private readonly int[] _start;
    private readonly long[] _counts;
    private readonly byte[] _types;
    private readonly int[] _table;
    private readonly int[] _subStart;
    private readonly int[] _subIds;
    private readonly string[] _labels;
    private readonly int _minn, _maxn, _bucket, _wordNgrams;

    /// <summary>Bucket → row after pruning, or null when not pruned (fastText's <c>pruneidx_size_ == -1</c>).</summary>
    private readonly Dictionary<int, int>? _pruneIdx;

    /// <summary>The same map as a flat array (-1 = pruned away): one load per n-gram instead of a hash lookup.</summary>
    private readonly int[]? _pruneMap;

    /// <summary>
    /// One bit per bucket, set when it survived pruning. Most n-grams of a quantized model were
    /// pruned; this 1/32-size filter (256 KiB for 2M buckets) answers them from cache, so the large
    /// map is read only for the few that count.
    /// </summary>
    private readonly ulong[]? _pruneBits;

    private FastTextDictionary(FastTextArgs args, List<byte[]> words, long[] counts, byte[] types, long ntokens, Dictionary<int, int>? pruneIdx)
    {
        _minn = args.Minn;
        _maxn = args.Maxn;
        _bucket = args.Bucket;
        _wordNgrams = args.WordNgrams;
        Size = words.Count;
        NTokens = ntokens;
        _counts = counts;
        _types = types;
        _pruneIdx = pruneIdx;
        if (pruneIdx is not null && _bucket <= 1 << 25)
        {
            _pruneMap = new int[_bucket];
            _pruneBits = new ulong[(_bucket + 63) / 64];
            Array.Fill(_pruneMap, -1);
            foreach (var (bucketId, row) in pruneIdx)
                if ((uint)bucketId < (uint)_bucket)
                {
                    _pruneMap[bucketId] = row;
                    _pruneBits[bucketId >> 6] |= 1UL << bucketId;
                }
        }

        _start = new int[Size + 1];
        for (int i = 0; i < Size; i++)
            _start[i + 1] = _start[i] + words[i].Length;
        _blob = new byte[_start[Size]];
        for (int i = 0; i < Size; i++)
            words[i].CopyTo(_blob, _start[i]);

        NWords = types.Count(t => t == WordType);
        NLabels = Size - NWords;
        _labels = new string[NLabels];
        for (int i = 0; i < NLabels; i++)
            _labels[i] = Encoding.UTF8.GetString(Word(NWords + i));

        int cap = 16;
        while (cap * 0.7 < Size + 1)
            cap *= 2;
        _table = new int[cap];
        Array.Fill(_table, -1);
        for (int i = 0; i < Size; i++)
        {
            int slot = Slot(Word(i), FastTextHash.Hash(Word(i)));
            _table[slot] = i;
        }

        (_subStart, _subIds) = InitNgrams();
    }

    public int Size { get; }
    public int NWords { get; }
    public int NLabels { get; }
    public long NTokens { get; }
    public bool IsPruned => _pruneIdx is not null;

    public ReadOnlySpan<byte> Word(int id) => _blob.AsSpan(_start[id], _start[id + 1] - _start[id]);
    public long Count(int id) => _counts[id];
    public bool IsLabel(int id) => _types[id] == LabelType;
    public string Label(int labelId) => _labels[labelId];
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Counts of the labels in label order: the Huffman tree of hierarchical softmax is built from these.</summary>
    public long[] LabelCounts() => _counts.AsSpan(NWords, NLabels).ToArray();

    /// <summary>Row ids of a word's vector: the word itself, then its character n-grams.</summary>
    public ReadOnlySpan<int> Subwords(int wid) => _subIds.AsSpan(_subStart[wid], _subStart[wid + 1] - _subStart[wid]);

    /// <summary>The id of <paramref name="word"/> or -1; <paramref name="h"/> is its <see cref="FastTextHash"/>.</summary>
    public int Find(ReadOnlySpan<byte> word, uint h) => _table[Slot(word, h)];

    private int Slot(ReadOnlySpan<byte> word, uint h)
    {
        int mask = _table.Length - 1;
        int slot = (int)(h & (uint)mask);
        while (_table[slot] != -1 && !Word(_table[slot]).SequenceEqual(word))
            slot = (slot + 1) & mask;
        return slot;
    }

    private (int[] Start, int[] Ids) InitNgrams()
    {
        var start = new int[Size + 1];
        var ids = new List<int>(Size * 4);
        var scratch = new LineBuffer();
        for (int i = 0; i < Size; i++)
        {
            scratch.Clear();
            scratch.AddId(i);
            var w = Word(i);
            if (!w.SequenceEqual(Eos))
                ComputeSubwords(Bracket(w, scratch), scratch);
            ids.AddRange(scratch.IdSpan);
            start[i + 1] = ids.Count;
        }
        return (start, ids.ToArray());
    }

    /// <summary>Writes <c>&lt;word&gt;</c> into the scratch word buffer.</summary>
    private static ReadOnlySpan<byte> Bracket(ReadOnlySpan<byte> word, LineBuffer scratch)
    {
        var buf = scratch.WordBuffer(word.Length + 2);
        buf[0] = (byte)'<';
        word.CopyTo(buf.AsSpan(1));
        buf[word.Length + 1] = (byte)'>';
        return buf.AsSpan(0, word.Length + 2);
    }

    /// <summary>
    /// Character n-grams of minn..maxn code points (UTF-8 continuation bytes never start one),
    /// skipping the lone boundary characters; hashes are extended one byte at a time since FNV is
    /// a left fold.
    /// </summary>
    public void ComputeSubwords(ReadOnlySpan<byte> word, LineBuffer output)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if ((word[i] & 0xC0) == 0x80)
                continue;
            uint h = FastTextHash.Seed;
            int j = i;
            for (int n = 1; j < word.Length && n <= _maxn; n++)
            {
                h = FastTextHash.Step(h, word[j++]);
                while (j < word.Length && (word[j] & 0xC0) == 0x80)
                    h = FastTextHash.Step(h, word[j++]);
                if (n >= _minn && !(n == 1 && (i == 0 || j == word.Length)))
                    PushHash(output, (int)(h % (uint)_bucket));
            }
        }
    }

    private void PushHash(LineBuffer output, int id)
    {
        if (id < 0)
            return;
        if (_pruneMap is not null)
        {
            if ((_pruneBits![id >> 6] & (1UL << id)) == 0)
                return;
            id = _pruneMap[id];
            if (id < 0)
                return;
        }
        else if (_pruneIdx is not null)
        {
            if (!_pruneIdx.TryGetValue(id, out id))
                return;
        }
        output.AddId(NWords + id);
    }

    /// <summary>
    /// fastText's supervised <c>getLine</c> over one line of UTF-8: tokens split on the six
    /// whitespace bytes and NUL, <c>&lt;/s&gt;</c> appended at the first newline or the end,
    /// in-vocabulary words contribute their subword rows, unknown words their hashed n-grams,
    /// then word n-grams are added. Returns the number of tokens read.
    /// </summary>
    public int GetLine(ReadOnlySpan<byte> text, LineBuffer line)
    {
        line.Clear();
        int ntokens = 0;
        int pos = 0;
        while (true)
        {
            while (pos < text.Length && IsSpace(text[pos]) && text[pos] != (byte)'\n')
                pos++;
            ReadOnlySpan<byte> token;
            if (pos >= text.Length || text[pos] == (byte)'\n')
            {
                token = Eos;
            }
            else
            {
                int startTok = pos;
                while (pos < text.Length && !IsSpace(text[pos]))
                    pos++;
                token = text[startTok..pos];
            }
            ntokens++;
            bool eos = token.SequenceEqual(Eos);
            AddToken(token, line);
            if (eos)
                break;
        }
        AddWordNgrams(line);
        return ntokens;
    }

    private void AddToken(ReadOnlySpan<byte> token, LineBuffer line)
    {
        uint h = FastTextHash.Hash(token);
        int wid = Find(token, h);
        bool isLabel = wid < 0 ? token.StartsWith(LabelPrefix) : _types[wid] == LabelType;
        if (!isLabel)
        {
            if (wid >= 0)
            {
                if (_maxn <= 0)
                    line.AddId(wid);
                else
                    line.AddIds(Subwords(wid));
            }
            else if (!token.SequenceEqual(Eos) && _maxn > 0)
            {
                ComputeSubwords(Bracket(token, line), line);
            }
            line.AddHash((int)h);
        }
        else if (wid >= 0)
        {
            line.AddLabel(wid - NWords);
        }
    }

    /// <summary>Word n-grams; the int32 hashes are sign-extended to uint64, as in fastText.</summary>
    private void AddWordNgrams(LineBuffer line)
    {
        int n = _wordNgrams;
        var hashes = line.Hashes.AsSpan(0, line.HashCount);
        for (int i = 0; i < hashes.Length; i++)
        {
            ulong h = (ulong)(long)hashes[i];
            for (int j = i + 1; j < hashes.Length && j < i + n; j++)
            {
                h = h * FastTextHash.WordNgramMultiplier + (ulong)(long)hashes[j];
                PushHash(line, (int)(h % (ulong)_bucket));
            }
        }
    }

    private static bool IsSpace(byte c) =>
        c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\v' or (byte)'\f' or 0;
}
