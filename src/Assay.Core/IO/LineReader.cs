namespace Assay.Core.IO;

public enum LineStatus { Line, TooLong, End }

/// <summary>
/// Reads '\n'-terminated lines from a stream with a bounded buffer: memory stays constant
/// however large the file; a line longer than the limit is reported, never buffered whole.
/// Optionally stops at a byte offset (a byte-range task over an uncompressed shard).
/// </summary>
public sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly long _endOffset;
    private byte[] _buf;
    private int _pos, _len;
    private bool _eof;
    private long _bufStartOffset; // stream offset of _buf[0]

    /// <param name="startOffset">offset of the stream's current position (for byte-range tasks)</param>
    /// <param name="endOffset">stop before any line that starts at or after this offset</param>
    public LineReader(Stream stream, int maxLineBytes, long startOffset = 0, long endOffset = long.MaxValue)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _endOffset = endOffset;
        _bufStartOffset = startOffset;
        _buf = new byte[Math.Min(1 << 20, Math.Max(4096, maxLineBytes + 1))];
    }

    /// <summary>1-based number of the line last returned, counted from where this reader started.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Stream offset of the first byte of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Total bytes seen by this reader so far (uncompressed).</summary>
    public long BytesRead => _bufStartOffset + _pos;

    /// <summary>True once any byte was read; an empty input is an error the caller reports.</summary>
    public bool SawAnyByte { get; private set; }

    public LineStatus Next(out ReadOnlySpan<byte> line)
    {
        line = default;
        if (_bufStartOffset + _pos >= _endOffset) return LineStatus.End;
        int scanFrom = _pos;
        while (true)
        {
            int nl = _buf.AsSpan(scanFrom, _len - scanFrom).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                int end = scanFrom + nl;
                LineOffset = _bufStartOffset + _pos;
                LineNumber++;
                line = _buf.AsSpan(_pos, end - _pos);
                _pos = end + 1;
                if (line.Length > _maxLineBytes) { _pos = (int)(LineOffset - _bufStartOffset); line = default; return LineStatus.TooLong; }
                return LineStatus.Line;
            }
            if (_eof)
            {
                if (_pos == _len) return LineStatus.End;
                LineOffset = _bufStartOffset + _pos;
                LineNumber++;
                line = _buf.AsSpan(_pos, _len - _pos); // last line without '\n'
                _pos = _len;
                return LineStatus.Line;
            }
            scanFrom = _len - _pos; // bytes already scanned, after compaction
            if (_len - _pos > _maxLineBytes)
            {
                LineOffset = _bufStartOffset + _pos;
                LineNumber++;
                return LineStatus.TooLong;
            }
            Fill();
            scanFrom += _pos;
        }
    }

    /// <summary>
    /// After <see cref="LineStatus.TooLong"/>: streams the rest of that line (from its first byte) to
    /// <paramref name="sink"/> (or discards it when null) and positions after its newline.
    /// </summary>
    public long DrainLongLine(Stream? sink)
    {
        long total = 0;
        while (true)
        {
            var span = _buf.AsSpan(_pos, _len - _pos);
            int nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                sink?.Write(span[..nl]);
                total += nl;
                _pos += nl + 1;
                return total;
            }
            sink?.Write(span);
            total += span.Length;
            _bufStartOffset += _len;
            _pos = _len = 0;
            if (_eof) return total;
            int n = _stream.Read(_buf, 0, _buf.Length);
            if (n == 0) { _eof = true; return total; }
            _len = n;
        }
    }

    private void Fill()
    {
        // Compact, then grow if the pending line fills the buffer.
        if (_pos > 0)
        {
            Buffer.BlockCopy(_buf, _pos, _buf, 0, _len - _pos);
            _bufStartOffset += _pos;
            _len -= _pos;
            _pos = 0;
        }
        if (_len == _buf.Length)
            Array.Resize(ref _buf, (int)Math.Min((long)_buf.Length * 2, (long)_maxLineBytes + 2));
        int n = _stream.Read(_buf, _len, _buf.Length - _len);
        if (n == 0) _eof = true;
        else { _len += n; SawAnyByte = true; }
    }

    public void Dispose() => _stream.Dispose();
}
