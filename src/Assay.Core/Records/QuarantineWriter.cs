using System.Text.Json;

namespace Assay.Core.Records;

/// <summary>
/// Sets bad lines aside without losing a byte: the line itself goes verbatim to
/// <c>NAME.lines</c>, and a JSON line with file, line number, byte offset, length and the error
/// goes to <c>NAME.errors.jsonl</c>, in the same order. Thread-safe.
/// </summary>
public sealed class QuarantineWriter : IDisposable
{
    private readonly FileStream _lines;
    private readonly FileStream _errors;
    private readonly object _gate = new();

    public QuarantineWriter(string directory, string name = "part-00000")
    {
        Directory.CreateDirectory(directory);
        LinesPath = Path.Combine(directory, name + ".lines");
        ErrorsPath = Path.Combine(directory, name + ".errors.jsonl");
        _lines = new FileStream(LinesPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _errors = new FileStream(ErrorsPath, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
    }

    public string LinesPath { get; }
    public string ErrorsPath { get; }
    public long Count { get; private set; }
    public SortedDictionary<string, long> ByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes one bad line verbatim.</summary>
    public void Add(string file, long line, long offset, ReadOnlySpan<byte> raw, string error)
    {
        lock (_gate)
        {
            _lines.Write(raw);
            _lines.WriteByte((byte)'\n');
            WriteError(file, line, offset, raw.Length, error);
        }
    }

    /// <summary>For lines too long to hold in memory: the caller streams the bytes into <paramref name="copy"/>.</summary>
    public void AddStreamed(string file, long line, long offset, Func<Stream, long> copy, string error)
    {
        lock (_gate)
        {
            long n = copy(_lines);
            _lines.WriteByte((byte)'\n');
            WriteError(file, line, offset, n, error);
        }
    }

    private void WriteError(string file, long line, long offset, long length, string error)
    {
        using (var w = new Utf8JsonWriter(_errors, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("file", file);
            w.WriteNumber("line", line);
            w.WriteNumber("offset", offset);
            w.WriteNumber("length", length);
            w.WriteString("error", error);
            w.WriteEndObject();
        }
        _errors.WriteByte((byte)'\n');
        Count++;
        var kind = ReasonKind(error);
        ByReason[kind] = ByReason.GetValueOrDefault(kind) + 1;
    }

    /// <summary>The stable part of an error message (before any ':' detail), for counting by reason.</summary>
    public static string ReasonKind(string error)
    {
        int c = error.IndexOf(':');
        var head = c > 0 ? error[..c] : error;
        int q = head.IndexOf('\'');
        return (q > 0 ? head[..q] : head).Trim();
    }

    public void Dispose()
    {
        _lines.Dispose();
        _errors.Dispose();
    }
}
