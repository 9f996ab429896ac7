using System.Buffers;
using System.Text;

namespace Assay.Curation.Dedup;

/// <summary>
/// Writes the corpus file of a disk-backed substring dedup: each document's UTF-8 bytes followed by
/// <see cref="SubstringCorpus.Terminator"/>. Only document start offsets stay in memory.
/// </summary>
internal sealed class SubstringCorpusWriter : IDisposable
{
    private readonly string _path;
    private readonly FileStream _file;
    private readonly List<long> _starts = [0];
    private byte[] _buffer = new byte[1 << 16];

    public SubstringCorpusWriter(string path)
    {
        _path = path;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    }

    public int Count => _starts.Count - 1;

    public void Add(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        if (_buffer.Length < max)
            _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        // The encoder replaces lone surrogates, so the bytes are well-formed UTF-8 and never 0xFF.
        int n = Encoding.UTF8.GetBytes(text, _buffer);
        _buffer[n] = SubstringCorpus.Terminator;
        _file.Write(_buffer, 0, n + 1);
        _starts.Add(_starts[^1] + n + 1);
    }

    /// <summary>Closes the file and maps it.</summary>
    public SubstringCorpus Complete()
    {
        _file.Dispose();
        return new SubstringCorpus(_path, [.. _starts]);
    }

    public void Dispose() => _file.Dispose();
}
