using System.Text.Json;
using System.Text.Json.Nodes;

namespace Assay.Core.Records;

/// <summary>
/// One record: <c>{"id","text","source","label","features","meta"}</c>. <c>meta</c> stays as the raw
/// JSON bytes it was read from until somebody touches <see cref="Meta"/>, so steps that only read
/// id and text pay nothing for it and an untouched record is written back byte-exact.
/// </summary>
public sealed class Record
{
    private JsonObject? _meta;
    private ReadOnlyMemory<byte> _rawMeta;
    private PendingMeta? _pending; // entries added while meta is still raw bytes

    private byte[]? _line; // the parsed line's copy behind _rawText and _rawMeta; handed back on Release
    private string _text;
    private ReadOnlyMemory<byte> _rawText; // the JSON string value as read, quotes included; valid while _text is unchanged

    public Record(string id, string text)
    {
        Id = id;
        _text = text;
    }

    public string Id { get; set; }

    public string Text
    {
        get => _text;
        set { if (!ReferenceEquals(value, _text)) { _text = value; _rawText = default; } }
    }

    /// <summary>The text's JSON token exactly as read (so an unchanged record is written without re-escaping), or empty.</summary>
    internal ReadOnlyMemory<byte> RawText => _rawText;
    internal void SetRawText(ReadOnlyMemory<byte> raw) => _rawText = raw;
    internal void SetLineBuffer(byte[] line) => _line = line;
    public string? Source { get; set; }
    public Label Label { get; set; }
    public float[]? Features { get; set; }

    /// <summary>True when the record has a meta object (raw or materialized).</summary>
    public bool HasMeta => _meta is not null || !_rawMeta.IsEmpty || _pending is not null;

    /// <summary>The meta object, parsed on first access (and created empty when absent).</summary>
    public JsonObject Meta
    {
        get
        {
            if (_meta is null)
            {
                _meta = _rawMeta.IsEmpty
                    ? new JsonObject()
                    : JsonNode.Parse(_rawMeta.Span, documentOptions: new JsonDocumentOptions { MaxDepth = 256 })!.AsObject();
                _rawMeta = default;
            }
            if (_pending is not null)
            {
                _pending.ApplyTo(_meta);
                _pending = null;
            }
            return _meta;
        }
        set { _meta = value; _rawMeta = default; _pending = null; }
    }

    /// <summary>
    /// Sets <c>meta.signals.STEP.NAME</c>. Cheap when meta has not been read: the value waits in a
    /// compact list and is written after the raw meta (same bytes as setting it on <see cref="Meta"/>).
    /// </summary>
    public void SetSignal(string step, string name, double value)
    {
        if (_meta is not null) SignalsOf(step)[name] = value;
        else (_pending ??= PendingMeta.Rent()).SetSignal(step, name, value, null);
    }

    /// <inheritdoc cref="SetSignal(string, string, double)"/>
    public void SetSignal(string step, string name, string value)
    {
        if (_meta is not null) SignalsOf(step)[name] = value;
        else (_pending ??= PendingMeta.Rent()).SetSignal(step, name, 0, value);
    }

    /// <summary>Sets the top-level string <c>meta[key]</c> without materializing raw meta.</summary>
    public void SetMetaString(string key, string value)
    {
        if (_meta is not null) _meta[key] = value;
        else (_pending ??= PendingMeta.Rent()).SetString(key, value);
    }

    private JsonObject SignalsOf(string step)
    {
        var signals = _meta!["signals"] as JsonObject ?? (JsonObject)(_meta["signals"] = new JsonObject());
        return signals[step] as JsonObject ?? (JsonObject)(signals[step] = new JsonObject());
    }

    /// <summary>Raw meta bytes when meta has not been materialized; empty otherwise.</summary>
    internal ReadOnlyMemory<byte> RawMeta => _rawMeta;
    internal JsonObject? MaterializedMeta => _meta;
    internal PendingMeta? Pending => _pending;
    internal void SetRawMeta(ReadOnlyMemory<byte> raw) { _rawMeta = raw; _meta = null; _pending = null; }

    /// <summary>Reads <c>meta[key]</c> as a string without materializing other records' meta needlessly.</summary>
    public string? GetMetaString(string key) =>
        HasMeta && Meta.TryGetPropertyValue(key, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>
    /// Hands this record's buffers (the copy of its input line, its pending meta entries) to the next record
    /// read and annotated on this thread. Call it once the record has been written and is not used again
    /// (a pipeline task does, after each record): afterwards its raw JSON and its pending signals are gone,
    /// so it must not be written again.
    /// </summary>
    public void Release()
    {
        var p = _pending;
        var line = _line;
        _pending = null;
        _line = null;
        if (line is not null)
        {
            _rawText = default;
            _rawMeta = default; // already empty once meta was materialized
            LineBuffers.Return(line);
        }
        p?.Return();
    }

    public Record Clone()
    {
        // The clone owns copies of the raw bytes: this record's line buffer is reused once it is released.
        var r = new Record(Id, Text) { _rawText = _rawText.ToArray(), Source = Source, Label = Label, Features = Features is null ? null : (float[])Features.Clone() };
        if (_meta is not null) r._meta = (JsonObject)_meta.DeepClone();
        else r._rawMeta = _rawMeta.ToArray();
        r._pending = _pending?.Clone();
        return r;
    }
}
