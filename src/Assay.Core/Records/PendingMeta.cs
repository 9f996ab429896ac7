using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assay.Core.Records;

/// <summary>
/// Meta entries a step added to a record whose meta is still raw bytes: top-level strings
/// (<c>removed_by</c>, <c>reason</c>) and signals (<c>signals.STEP.NAME</c>). Kept as a flat list so
/// annotating costs a few slots per record instead of a JsonObject tree; they are written after the
/// raw meta's members, or flushed into <see cref="Record.Meta"/> when somebody reads it. Both ways give
/// the same bytes, in first-set order, as setting them on a JsonObject would.
/// </summary>
internal sealed class PendingMeta
{
    private const string SignalsKey = "signals";

    // Top-level keys in first-set order with their string values; SignalsKey (value null) stands for the signals tree.
    private List<(string Key, string? Value)>? _top;
    // Signals as parallel arrays (a text signal keeps its value in _texts), sized from what this thread's
    // records needed before, so a record usually allocates them once.
    private string[] _steps;
    private string[] _names;
    private double[] _numbers;
    private string?[]? _texts;
    private int _count;
    [ThreadStatic] private static int t_capacity;
    // One released instance per thread: a pipeline task handles one record at a time, so the next record
    // reuses the last one's arrays and annotating allocates nothing in the steady state.
    [ThreadStatic] private static PendingMeta? t_free;

    private PendingMeta()
    {
        int capacity = Math.Max(4, t_capacity);
        _steps = new string[capacity];
        _names = new string[capacity];
        _numbers = new double[capacity];
    }

    public static PendingMeta Rent()
    {
        var p = t_free;
        if (p is null) return new PendingMeta();
        t_free = null;
        return p;
    }

    /// <summary>Empties this instance and keeps it for the thread's next <see cref="Rent"/>; the caller drops its reference.</summary>
    public void Return()
    {
        _top?.Clear();
        if (_texts is not null) Array.Clear(_texts, 0, _count);
        _count = 0;
        t_free = this;
    }

    private int TopIndex(string key)
    {
        if (_top is null) return -1;
        for (int i = 0; i < _top.Count; i++) if (_top[i].Key == key) return i;
        return -1;
    }

    public void SetString(string key, string value)
    {
        if (key == SignalsKey) throw new ArgumentException("meta.signals is written through SetSignal", nameof(key));
        int i = TopIndex(key);
        if (i >= 0) _top![i] = (key, value);
        else (_top ??= new List<(string, string?)>(2)).Add((key, value));
    }

    public void SetSignal(string step, string name, double number, string? text)
    {
        if (TopIndex(SignalsKey) < 0) (_top ??= new List<(string, string?)>(2)).Add((SignalsKey, null));
        int at = -1;
        for (int i = 0; i < _count; i++)
            if (_names[i] == name && _steps[i] == step) { at = i; break; }
        if (at < 0)
        {
            if (_count == _steps.Length) Grow();
            at = _count++;
            _steps[at] = step;
            _names[at] = name;
        }
        _numbers[at] = number;
        if (text is not null || _texts is not null) (_texts ??= new string?[_steps.Length])[at] = text;
    }

    private void Grow()
    {
        int capacity = _steps.Length * 2;
        Array.Resize(ref _steps, capacity);
        Array.Resize(ref _names, capacity);
        Array.Resize(ref _numbers, capacity);
        if (_texts is not null) Array.Resize(ref _texts, capacity);
        t_capacity = Math.Max(t_capacity, capacity);
    }

    private string? TextAt(int i) => _texts?[i];

    /// <summary>True when entry i is its step's first entry (steps are written in first-set order).</summary>
    private bool FirstOfStep(int i)
    {
        for (int j = 0; j < i; j++) if (_steps[j] == _steps[i]) return false;
        return true;
    }

    /// <summary>True when raw meta already has one of our top-level keys: then merging bytes would duplicate it.</summary>
    public bool CollidesWith(ReadOnlySpan<byte> rawMeta)
    {
        if (rawMeta.IsEmpty || _top is null) return false;
        if (rawMeta.IndexOf("\\u"u8) >= 0) return true; // a key spelled with escapes would not match below
        Span<byte> quoted = stackalloc byte[130];
        foreach (var (key, _) in _top)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(key) > 120) return true;
            quoted[0] = (byte)'"';
            int n = System.Text.Encoding.UTF8.GetBytes(key, quoted[1..]);
            quoted[n + 1] = (byte)'"';
            if (rawMeta.IndexOf(quoted[..(n + 2)]) >= 0) return true;
        }
        return false;
    }

    public void ApplyTo(JsonObject meta)
    {
        if (_top is null) return;
        foreach (var (key, value) in _top)
        {
            if (key != SignalsKey) { meta[key] = value; continue; }
            var signals = meta[SignalsKey] as JsonObject ?? (JsonObject)(meta[SignalsKey] = new JsonObject());
            for (int i = 0; i < _count; i++)
            {
                var mine = signals[_steps[i]] as JsonObject ?? (JsonObject)(signals[_steps[i]] = new JsonObject());
                mine[_names[i]] = TextAt(i) is { } text ? JsonValue.Create(text) : JsonValue.Create(_numbers[i]);
            }
        }
    }

    /// <summary>Writes our members (no braces) as they would follow the raw meta's members.</summary>
    public void WriteMembers(Utf8JsonWriter w)
    {
        if (_top is null) return;
        foreach (var (key, value) in _top)
        {
            if (key != SignalsKey) { w.WriteString(key, value); continue; }
            w.WriteStartObject(SignalsKey);
            for (int s = 0; s < _count; s++)
            {
                if (!FirstOfStep(s)) continue;
                string step = _steps[s];
                w.WriteStartObject(step);
                for (int i = 0; i < _count; i++)
                {
                    if (_steps[i] != step) continue;
                    if (TextAt(i) is { } text) w.WriteString(_names[i], text); else w.WriteNumber(_names[i], _numbers[i]);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _members;
    [ThreadStatic] private static Utf8JsonWriter? _membersWriter;

    /// <summary>
    /// Writes the raw meta object with our members appended, <c>{raw members,ours}</c>, into
    /// <paramref name="output"/>. Raw meta is one JSON object token as read.
    /// </summary>
    public void AppendTo(ReadOnlySpan<byte> rawMeta, ArrayBufferWriter<byte> output, Func<IBufferWriter<byte>, Utf8JsonWriter> createWriter)
    {
        var members = _members ??= new ArrayBufferWriter<byte>(1024);
        members.ResetWrittenCount();
        var w = _membersWriter ??= createWriter(members);
        w.Reset(members);
        w.WriteStartObject();
        WriteMembers(w);
        w.WriteEndObject();
        w.Flush();
        if (rawMeta.IsEmpty) rawMeta = "{}"u8;
        var head = rawMeta[..rawMeta.LastIndexOf((byte)'}')].TrimEnd(" \t\r\n"u8);
        bool hasMembers = head.Length > 1;
        output.ResetWrittenCount();
        output.Write(hasMembers ? head : "{"u8);
        if (hasMembers) output.Write(","u8);
        output.Write(members.WrittenSpan[1..]); // our object without its opening brace
    }

    public PendingMeta Clone()
    {
        var c = new PendingMeta
        {
            _top = _top is null ? null : [.. _top],
            _steps = (string[])_steps.Clone(),
            _names = (string[])_names.Clone(),
            _numbers = (double[])_numbers.Clone(),
            _texts = (string?[]?)_texts?.Clone(),
            _count = _count,
        };
        return c;
    }
}
