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

    public Record(string id, string text)
    {
        Id = id;
        Text = text;
    }

    public string Id { get; set; }
    public string Text { get; set; }
    public string? Source { get; set; }
    public Label Label { get; set; }
    public float[]? Features { get; set; }

    /// <summary>True when the record has a meta object (raw or materialized).</summary>
    public bool HasMeta => _meta is not null || !_rawMeta.IsEmpty;

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
            return _meta;
        }
        set { _meta = value; _rawMeta = default; }
    }

    /// <summary>Raw meta bytes when meta has not been materialized; empty otherwise.</summary>
    internal ReadOnlyMemory<byte> RawMeta => _rawMeta;
    internal JsonObject? MaterializedMeta => _meta;
    internal void SetRawMeta(ReadOnlyMemory<byte> raw) { _rawMeta = raw; _meta = null; }

    /// <summary>Reads <c>meta[key]</c> as a string without materializing other records' meta needlessly.</summary>
    public string? GetMetaString(string key) =>
        HasMeta && Meta.TryGetPropertyValue(key, out var node) && node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public Record Clone()
    {
        var r = new Record(Id, Text) { Source = Source, Label = Label, Features = Features is null ? null : (float[])Features.Clone() };
        if (_meta is not null) r._meta = (JsonObject)_meta.DeepClone();
        else r._rawMeta = _rawMeta;
        return r;
    }
}
