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

    // Top-level keys in first-set order; SignalsKey stands for the whole signals tree.
    private readonly List<string> _keys = new(4);
    private readonly List<string> _strings = new(4);
    private readonly List<Signal> _signals = new(16);
    private readonly List<string> _signalSteps = new(4);

    private readonly record struct Signal(string Step, string Name, double Number, string? Text);

    public void SetString(string key, string value)
    {
        if (key == SignalsKey) throw new ArgumentException("meta.signals is written through SetSignal", nameof(key));
        int i = _keys.IndexOf(key);
        if (i >= 0) { _strings[StringSlot(i)] = value; return; }
        _keys.Add(key);
        _strings.Add(value);
    }

    public void SetSignal(string step, string name, double number, string? text)
    {
        if (!_keys.Contains(SignalsKey)) _keys.Add(SignalsKey);
        if (!_signalSteps.Contains(step)) _signalSteps.Add(step);
        for (int i = 0; i < _signals.Count; i++)
            if (_signals[i].Step == step && _signals[i].Name == name) { _signals[i] = new Signal(step, name, number, text); return; }
        _signals.Add(new Signal(step, name, number, text));
    }

    /// <summary>Index into _strings of the i-th key (signals take no string slot).</summary>
    private int StringSlot(int keyIndex)
    {
        int slot = 0;
        for (int k = 0; k < keyIndex; k++) if (_keys[k] != SignalsKey) slot++;
        return slot;
    }

    /// <summary>True when raw meta already has one of our top-level keys: then merging bytes would duplicate it.</summary>
    public bool CollidesWith(ReadOnlySpan<byte> rawMeta)
    {
        if (rawMeta.IndexOf("\\u"u8) >= 0) return true; // a key spelled with escapes would not match below
        Span<byte> quoted = stackalloc byte[130];
        foreach (var key in _keys)
        {
            if (key.Length > 120 || System.Text.Encoding.UTF8.GetByteCount(key) > 120) return true;
            quoted[0] = (byte)'"';
            int n = System.Text.Encoding.UTF8.GetBytes(key, quoted[1..]);
            quoted[n + 1] = (byte)'"';
            if (rawMeta.IndexOf(quoted[..(n + 2)]) >= 0) return true;
        }
        return false;
    }

    public void ApplyTo(JsonObject meta)
    {
        int slot = 0;
        foreach (var key in _keys)
        {
            if (key != SignalsKey) { meta[key] = _strings[slot++]; continue; }
            var signals = meta[SignalsKey] as JsonObject ?? (JsonObject)(meta[SignalsKey] = new JsonObject());
            foreach (var s in _signals)
            {
                var mine = signals[s.Step] as JsonObject ?? (JsonObject)(signals[s.Step] = new JsonObject());
                mine[s.Name] = s.Text is null ? JsonValue.Create(s.Number) : JsonValue.Create(s.Text);
            }
        }
    }

    /// <summary>Writes our members (no braces) as they would follow the raw meta's members.</summary>
    public void WriteMembers(Utf8JsonWriter w)
    {
        int slot = 0;
        foreach (var key in _keys)
        {
            if (key != SignalsKey) { w.WriteString(key, _strings[slot++]); continue; }
            w.WriteStartObject(SignalsKey);
            foreach (var step in _signalSteps)
            {
                w.WriteStartObject(step);
                foreach (var s in _signals)
                {
                    if (s.Step != step) continue;
                    if (s.Text is null) w.WriteNumber(s.Name, s.Number); else w.WriteString(s.Name, s.Text);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _members;

    /// <summary>
    /// Writes the raw meta object with our members appended, <c>{raw members,ours}</c>, into
    /// <paramref name="output"/>. Raw meta is one JSON object token as read.
    /// </summary>
    public void AppendTo(ReadOnlySpan<byte> rawMeta, ArrayBufferWriter<byte> output, Func<IBufferWriter<byte>, Utf8JsonWriter> createWriter)
    {
        var members = _members ??= new ArrayBufferWriter<byte>(1024);
        members.ResetWrittenCount();
        using (var w = createWriter(members))
        {
            w.WriteStartObject();
            WriteMembers(w);
            w.WriteEndObject();
        }
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
        var c = new PendingMeta();
        c._keys.AddRange(_keys);
        c._strings.AddRange(_strings);
        c._signals.AddRange(_signals);
        c._signalSteps.AddRange(_signalSteps);
        return c;
    }
}
