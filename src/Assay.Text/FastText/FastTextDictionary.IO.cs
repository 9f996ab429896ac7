namespace Assay.Text.FastText;

internal sealed partial class FastTextDictionary
{
    /// <summary>
    /// File layout (<c>Dictionary::save</c>): int32 size, nwords, nlabels; int64 ntokens,
    /// pruneidx_size (-1 when not pruned); per entry a NUL-terminated word, int64 count, int8 type;
    /// then pruneidx_size pairs of int32 (bucket, row).
    /// </summary>
    internal static FastTextDictionary Read(ref FastTextReader r, FastTextArgs args)
    {
        int size = r.ReadInt32();
        int nwords = r.ReadInt32();
        int nlabels = r.ReadInt32();
        long ntokens = r.ReadInt64();
        long pruneSize = r.ReadInt64();
        if (size < 0 || nwords < 0 || nlabels < 0 || nwords + nlabels != size)
            r.Fail($"dictionary header size={size} nwords={nwords} nlabels={nlabels}");
        var words = new List<byte[]>(size);
        var counts = new long[size];
        var types = new byte[size];
        for (int i = 0; i < size; i++)
        {
            words.Add(r.ReadCString().ToArray());
            counts[i] = r.ReadInt64();
            types[i] = r.ReadByte();
            if (types[i] > LabelType || (types[i] == LabelType) != (i >= nwords))
                r.Fail($"entry {i} has type {types[i]} but the dictionary has {nwords} words then {nlabels} labels");
        }
        Dictionary<int, int>? prune = null;
        if (pruneSize >= 0)
        {
            prune = new Dictionary<int, int>(checked((int)pruneSize));
            for (long i = 0; i < pruneSize; i++)
            {
                int first = r.ReadInt32();
                int second = r.ReadInt32();
                prune[first] = second;
            }
        }
        return new FastTextDictionary(args, words, counts, types, ntokens, prune);
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Size);
        w.Write(NWords);
        w.Write(NLabels);
        w.Write(NTokens);
        w.Write(_pruneIdx is null ? -1L : _pruneIdx.Count);
        for (int i = 0; i < Size; i++)
        {
            w.Write(Word(i));
            w.Write((byte)0);
            w.Write(_counts[i]);
            w.Write(_types[i]);
        }
        if (_pruneIdx is not null)
        {
            foreach (var (first, second) in _pruneIdx.OrderBy(p => p.Key))
            {
                w.Write(first);
                w.Write(second);
            }
        }
    }

    /// <summary>
    /// A dictionary made by training: words then labels, each by descending count (ties keep
    /// first-seen order; fastText's unstable sort leaves them unspecified), never pruned.
    /// </summary>
    internal static FastTextDictionary Build(FastTextArgs args, IReadOnlyList<(byte[] Word, long Count)> words,
        IReadOnlyList<(byte[] Label, long Count)> labels, long ntokens)
    {
        var orderedWords = words.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Count).ThenBy(x => x.i).Select(x => x.e).ToList();
        var orderedLabels = labels.Select((e, i) => (e, i)).OrderByDescending(x => x.e.Count).ThenBy(x => x.i).Select(x => x.e).ToList();
        var all = new List<byte[]>(orderedWords.Count + orderedLabels.Count);
        var counts = new long[orderedWords.Count + orderedLabels.Count];
        var types = new byte[counts.Length];
        foreach (var (word, count) in orderedWords)
        {
            counts[all.Count] = count;
            all.Add(word);
        }
        foreach (var (label, count) in orderedLabels)
        {
            counts[all.Count] = count;
            types[all.Count] = LabelType;
            all.Add(label);
        }
        return new FastTextDictionary(args, all, counts, types, ntokens, pruneIdx: null);
    }
}
