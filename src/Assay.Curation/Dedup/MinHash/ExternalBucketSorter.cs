using System.Runtime.InteropServices;

namespace Assay.Curation.Dedup;

/// <summary>
/// Sorts bucket entries with bounded memory: entries accumulate up to a limit, are sorted and
/// spilled as a run file (magic + version + checksum, like every stage file), and the runs are
/// k-way merged on read. When everything fits, nothing touches the disk.
/// </summary>
internal sealed class ExternalBucketSorter : IDisposable
{
    private readonly string _runDir;
    private readonly BucketEntry[] _buffer;
    private readonly List<string> _runs = [];
    private int _count;

    public ExternalBucketSorter(string runDir, int maxInMemory)
    {
        _runDir = runDir;
        _buffer = new BucketEntry[maxInMemory];
    }

    public int RunCount => _runs.Count;

    public void Add(BucketEntry entry)
    {
        if (_count == _buffer.Length)
            Spill();
        _buffer[_count++] = entry;
    }

    private void Spill()
    {
        Array.Sort(_buffer, 0, _count);
        string path = Path.Combine(_runDir, $"bucket-run-{_runs.Count:D5}.bin");
        using (var w = new StageFileWriter(path, MinHashFiles.RunMagic, MinHashFiles.Version))
        {
            w.Write(MemoryMarshal.AsBytes(_buffer.AsSpan(0, _count)));
            w.Complete();
        }
        _runs.Add(path);
        _count = 0;
    }

    /// <summary>All added entries in ascending order.</summary>
    public IEnumerable<BucketEntry> Sorted()
    {
        if (_runs.Count == 0)
        {
            Array.Sort(_buffer, 0, _count);
            for (int i = 0; i < _count; i++)
                yield return _buffer[i];
            yield break;
        }
        if (_count > 0)
            Spill();
        var readers = _runs.Select(p => new StageFileReader(p, MinHashFiles.RunMagic, MinHashFiles.Version)).ToList();
        try
        {
            var queue = new PriorityQueue<int, BucketEntry>(readers.Count);
            var current = new BucketEntry[readers.Count];
            for (int i = 0; i < readers.Count; i++)
            {
                if (TryRead(readers[i], out current[i]))
                    queue.Enqueue(i, current[i]);
            }
            while (queue.TryDequeue(out int run, out _))
            {
                yield return current[run];
                if (TryRead(readers[run], out current[run]))
                    queue.Enqueue(run, current[run]);
            }
        }
        finally
        {
            foreach (var r in readers)
                r.Dispose();
        }
    }

    private static bool TryRead(StageFileReader reader, out BucketEntry entry)
    {
        if (reader.AtEnd)
        {
            reader.VerifyEnd();
            entry = default;
            return false;
        }
        Span<BucketEntry> one = stackalloc BucketEntry[1];
        reader.Read(MemoryMarshal.AsBytes(one));
        entry = one[0];
        return true;
    }

    public void Dispose()
    {
        foreach (string run in _runs)
            File.Delete(run);
    }
}
