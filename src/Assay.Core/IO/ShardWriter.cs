using System.Buffers;
using System.Text.Json;
using Assay.Core.Records;

namespace Assay.Core.IO;

/// <summary>
/// Writes one shard to a temporary name and renames it into place on <see cref="Complete"/>, so a
/// crashed run never leaves a half shard under a real name. Counts records and bytes, and hashes
/// the file bytes as they are written.
/// </summary>
public sealed class ShardWriter : IDisposable
{
    private const int FlushAt = 1 << 20;
    private readonly string _finalPath;
    private readonly string _tempPath;
    private readonly HashingCountingStream _file;
    private readonly Stream _compressed;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushAt + (1 << 16));
    private readonly Utf8JsonWriter _json;
    private readonly SortedDictionary<string, long> _sources = new(StringComparer.Ordinal);
    private long _uncompressed;
    private bool _done;

    public ShardWriter(string path)
    {
        _finalPath = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_finalPath)!);
        _tempPath = _finalPath + ".tmp";
        _file = new HashingCountingStream(new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
        _compressed = ShardFormat.OpenCompressed(_file, ShardFormat.CompressionOf(path));
        _json = RecordJson.CreateWriter(_buffer);
    }

    public string Path => _finalPath;
    public long Records { get; private set; }
    public long UncompressedBytes => _uncompressed + _buffer.WrittenCount;

    public void Write(Record record)
    {
        _json.Reset(_buffer);
        RecordJson.Write(_json, record);
        _json.Flush();
        EndLine();
        var s = record.Source ?? "";
        _sources[s] = _sources.GetValueOrDefault(s) + 1;
    }

    /// <summary>Writes an already-serialized record line (no newline) as is.</summary>
    public void WriteLine(ReadOnlySpan<byte> json, string? source)
    {
        _buffer.Write(json);
        EndLine();
        var s = source ?? "";
        _sources[s] = _sources.GetValueOrDefault(s) + 1;
    }

    private void EndLine()
    {
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        Records++;
        if (_buffer.WrittenCount >= FlushAt) FlushBuffer();
    }

    private void FlushBuffer()
    {
        _compressed.Write(_buffer.WrittenSpan);
        _uncompressed += _buffer.WrittenCount;
        _buffer.ResetWrittenCount();
    }

    /// <summary>Flushes, closes and renames the shard into place.</summary>
    public ShardInfo Complete()
    {
        if (_done) throw new InvalidOperationException("shard already completed");
        FlushBuffer();
        _json.Dispose();
        _compressed.Dispose(); // closes the frame and the file
        _done = true;
        File.Move(_tempPath, _finalPath, overwrite: true);
        return new ShardInfo(System.IO.Path.GetFileName(_finalPath), Records, _file.Count, _uncompressed, _file.Sha256Hex())
        {
            Sources = new SortedDictionary<string, long>(_sources, StringComparer.Ordinal),
        };
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _json.Dispose();
        try { _compressed.Dispose(); } catch (IOException) { }
        try { File.Delete(_tempPath); } catch (IOException) { }
    }
}
