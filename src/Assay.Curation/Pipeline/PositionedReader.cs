using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Reads one work item line by line, knowing after each line how many lines were consumed and the
/// byte offset after it — what a checkpoint needs to resume exactly. Bad lines fail (file and line)
/// or go to quarantine verbatim, as <see cref="ShardReader"/> does.
/// </summary>
internal sealed class PositionedReader : IDisposable
{
    private readonly WorkItem _item;
    private readonly LineReader _lines;
    private readonly OnError _onError;
    private readonly int _maxLineBytes;
    private readonly Func<QuarantineWriter> _quarantine;
    private readonly long _startOffset;
    private readonly bool _fresh;
    private long _lineBase = -1;
    private bool _ended;

    public PositionedReader(WorkItem item, ReadPosition resume, int maxLineBytes, OnError onError, Func<QuarantineWriter> quarantine)
    {
        _item = item;
        _onError = onError;
        _maxLineBytes = maxLineBytes;
        _quarantine = quarantine;
        Stream raw;
        try { raw = new FileStream(item.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (FileNotFoundException) { throw new FileNotFoundException($"{item.Path}: no such file"); }
        _fresh = resume.Lines == 0;
        if (item.Compressed)
        {
            _startOffset = 0;
            _lines = new LineReader(ShardFormat.OpenDecompressed(raw, item.Path), maxLineBytes);
            Skip(resume.Lines);
        }
        else
        {
            _startOffset = resume.Lines == 0 ? item.Start : resume.Offset;
            raw.Seek(_startOffset, SeekOrigin.Begin);
            _lines = new LineReader(raw, maxLineBytes, _startOffset, item.End);
            Lines = resume.Lines;
        }
    }

    /// <summary>Lines consumed in this item so far (records and bad lines).</summary>
    public long Lines { get; private set; }
    /// <summary>Offset after the last consumed line (uncompressed bytes of the stream).</summary>
    public long Offset => _lines.BytesRead;
    /// <summary>Uncompressed bytes of the last consumed line, newline included.</summary>
    public long LastLineBytes { get; private set; }

    /// <summary>Next line: true with a record, true with null (a bad line set aside), false at the end.</summary>
    public bool Next(out Record? record)
    {
        record = null;
        if (_ended) return false;
        long before = _lines.BytesRead;
        LineStatus status;
        ReadOnlySpan<byte> line;
        try { status = _lines.Next(out line); }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            _ended = true;
            Bad(LineNo(_lines.LineNumber + 1), _lines.BytesRead, default, $"corrupt or truncated file after line {LineNo(_lines.LineNumber)}: {e.Message}");
            Lines++;
            LastLineBytes = 0;
            return true; // the file's remainder cannot be trusted: counted as one bad line
        }
        if (status == LineStatus.End)
        {
            _ended = true;
            if (_fresh && _item.Start == 0 && !_lines.SawAnyByte)
            {
                Bad(0, 0, default, "empty file (a shard holds at least one record)");
                Lines++;
                LastLineBytes = 0;
                return true;
            }
            return false;
        }
        Lines++;
        if (status == LineStatus.TooLong)
        {
            string error = $"line longer than the limit of {_maxLineBytes} bytes";
            long no = LineNo(_lines.LineNumber);
            if (_onError == OnError.Fail) throw new BadInputException(_item.Path, no, error);
            long offset = _lines.LineOffset;
            _quarantine().AddStreamed(_item.Path, no, offset, s => _lines.DrainLongLine(s), error);
            LastLineBytes = _lines.BytesRead - before;
            return true;
        }
        LastLineBytes = _lines.BytesRead - before;
        try { record = RecordJson.Parse(line); }
        catch (RecordFormatException e)
        {
            Bad(LineNo(_lines.LineNumber), _lines.LineOffset, line, e.Message);
            return true;
        }
        if (_item.Source is not null) record.Source = _item.Source;
        return true;
    }

    private void Skip(long lines)
    {
        for (long i = 0; i < lines; i++)
        {
            LineStatus status;
            try { status = _lines.Next(out _); }
            catch (Exception e) when (e is InvalidDataException or IOException) { _ended = true; break; }
            if (status == LineStatus.End) { _ended = true; break; }
            if (status == LineStatus.TooLong) _lines.DrainLongLine(null);
        }
        Lines = lines;
    }

    private long LineNo(long readerLine)
    {
        if (_item.Compressed) return readerLine;
        if (_lineBase < 0) _lineBase = ByteRangeSplitter.LinesBefore(_item.Path, _startOffset);
        return _lineBase + readerLine;
    }

    private void Bad(long line, long offset, ReadOnlySpan<byte> raw, string error)
    {
        if (_onError == OnError.Fail) throw new BadInputException(_item.Path, line, error);
        _quarantine().Add(_item.Path, line, offset, raw, error);
    }

    public void Dispose() => _lines.Dispose();
}
