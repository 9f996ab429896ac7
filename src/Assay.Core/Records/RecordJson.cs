using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Assay.Core.Records;

/// <summary>
/// The record's JSON form, one object per line. Parsing is strict (only the six known fields,
/// each with its type; UTF-8 validated) so bad input is caught where it enters, not three steps later.
/// </summary>
public static class RecordJson
{
    public const string AllowedFields = "id, text, source, label, features, meta";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep non-ASCII text readable and compact; still escapes what JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

    /// <summary>Parses one line (without its newline). Throws <see cref="RecordFormatException"/> on bad input.</summary>
    /// <param name="requireText">False for numeric datasets, where <c>features</c> may stand in for <c>text</c>.</param>
    public static Record Parse(ReadOnlySpan<byte> line, bool requireText = true)
    {
        if (!Utf8.IsValid(line))
            throw new RecordFormatException($"invalid UTF-8 at byte {FirstInvalidUtf8(line)} of the line");
        if (line.Trim(" \t\r"u8).IsEmpty) throw new RecordFormatException("blank line");
        // One copy of the line backs the raw text and meta slices: an unchanged record is written back without re-encoding.
        var owned = LineBuffers.Rent(line.Length);
        line.CopyTo(owned);
        var reader = new Utf8JsonReader(owned.AsSpan(0, line.Length), ReaderOptions);
        try
        {
            var record = ParseObject(ref reader, owned, requireText);
            record.SetLineBuffer(owned);
            return record;
        }
        catch (JsonException e)
        {
            throw new RecordFormatException($"invalid JSON: {e.Message}");
        }
    }

    private static Record ParseObject(ref Utf8JsonReader reader, byte[] line, bool requireText)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new RecordFormatException("a record must be a JSON object");
        string? id = null, text = null, source = null;
        Label label = default;
        float[]? features = null;
        ReadOnlyMemory<byte> meta = default, rawText = default;
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int field = FieldIndex(ref reader);
            if (field < 0)
                throw new RecordFormatException($"unknown field '{reader.GetString()}' (allowed: {AllowedFields}; put anything else under meta)");
            if ((seen & (1 << field)) != 0)
                throw new RecordFormatException($"field '{FieldName(field)}' appears twice");
            seen |= 1 << field;
            reader.Read();
            switch (field)
            {
                case 0: id = ReadId(ref reader); break;
                case 1:
                    text = ReadString(ref reader, "text", nullable: false);
                    int start = (int)reader.TokenStartIndex;
                    rawText = line.AsMemory(start, (int)reader.BytesConsumed - start);
                    break;
                case 2: source = ReadString(ref reader, "source", nullable: true); break;
                case 3: label = ReadLabel(ref reader); break;
                case 4: features = ReadFeatures(ref reader); break;
                case 5: meta = ReadMeta(ref reader, line); break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new RecordFormatException("invalid JSON object");
        if (reader.Read())
            throw new RecordFormatException("unexpected content after the JSON object (one record per line)");
        if (id is null) throw new RecordFormatException("missing required field 'id'");
        if (text is null)
        {
            if (requireText || features is null)
                throw new RecordFormatException(features is null ? "missing required field 'text'" : "missing required field 'text' (numeric datasets: read with text optional)");
            text = "";
        }
        var record = new Record(id, text) { Source = source, Label = label, Features = features };
        if (!meta.IsEmpty) record.SetRawMeta(meta);
        if (!rawText.IsEmpty) record.SetRawText(rawText);
        return record;
    }

    private static int FieldIndex(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("id"u8)) return 0;
        if (r.ValueTextEquals("text"u8)) return 1;
        if (r.ValueTextEquals("source"u8)) return 2;
        if (r.ValueTextEquals("label"u8)) return 3;
        if (r.ValueTextEquals("features"u8)) return 4;
        if (r.ValueTextEquals("meta"u8)) return 5;
        return -1;
    }

    private static string FieldName(int i) => i switch { 0 => "id", 1 => "text", 2 => "source", 3 => "label", 4 => "features", _ => "meta" };

    private static string ReadId(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.String)
        {
            var s = r.GetString()!;
            if (s.Length == 0) throw new RecordFormatException("field 'id' is empty");
            return s;
        }
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out long n))
            return n.ToString(System.Globalization.CultureInfo.InvariantCulture); // integer ids are common in the wild
        throw new RecordFormatException($"field 'id' must be a string, not {Describe(r.TokenType)}");
    }

    private static string? ReadString(ref Utf8JsonReader r, string name, bool nullable)
    {
        if (r.TokenType == JsonTokenType.String) return r.GetString();
        if (nullable && r.TokenType == JsonTokenType.Null) return null;
        throw new RecordFormatException($"field '{name}' must be a string, not {Describe(r.TokenType)}");
    }

    private static Label ReadLabel(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => Label.Of(r.GetString()!),
        JsonTokenType.Number => Label.Of(r.GetDouble()),
        JsonTokenType.Null => Label.None,
        _ => throw new RecordFormatException($"field 'label' must be a string or a number, not {Describe(r.TokenType)}"),
    };

    private static float[] ReadFeatures(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray)
            throw new RecordFormatException($"field 'features' must be an array of numbers, not {Describe(r.TokenType)}");
        var buf = ArrayPool<float>.Shared.Rent(64);
        int n = 0;
        try
        {
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (r.TokenType != JsonTokenType.Number)
                    throw new RecordFormatException($"field 'features' must hold only numbers, found {Describe(r.TokenType)} at index {n}");
                if (n == buf.Length)
                {
                    var bigger = ArrayPool<float>.Shared.Rent(n * 2);
                    buf.AsSpan(0, n).CopyTo(bigger);
                    ArrayPool<float>.Shared.Return(buf);
                    buf = bigger;
                }
                buf[n++] = r.GetSingle();
            }
            return buf.AsSpan(0, n).ToArray();
        }
        finally { ArrayPool<float>.Shared.Return(buf); }
    }

    private static ReadOnlyMemory<byte> ReadMeta(ref Utf8JsonReader r, byte[] line)
    {
        if (r.TokenType == JsonTokenType.Null) return default;
        if (r.TokenType != JsonTokenType.StartObject)
            throw new RecordFormatException($"field 'meta' must be an object, not {Describe(r.TokenType)}");
        int start = (int)r.TokenStartIndex;
        r.Skip();
        int end = (int)r.BytesConsumed;
        return line.AsMemory(start, end - start);
    }

    private static string Describe(JsonTokenType t) => t switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => t.ToString(),
    };

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> line)
    {
        int offset = 0;
        while (offset < line.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(line[offset..], out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return offset;
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? _mergedMeta;

    /// <summary>Writes the record as one JSON object (no newline).</summary>
    public static void Write(Utf8JsonWriter w, Record record)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, record.Id);
        if (record.RawText.IsEmpty) w.WriteString("text"u8, record.Text);
        else
        {
            w.WritePropertyName("text"u8);
            w.WriteRawValue(record.RawText.Span, skipInputValidation: true);
        }
        if (record.Source is not null) w.WriteString("source"u8, record.Source);
        var label = record.Label;
        if (label.String is not null) w.WriteString("label"u8, label.String);
        else if (label.Number is double d) w.WriteNumber("label"u8, d);
        if (record.Features is { } f)
        {
            w.WriteStartArray("features"u8);
            foreach (var x in f) w.WriteNumberValue(x);
            w.WriteEndArray();
        }
        if (record.Pending is { } pending)
        {
            w.WritePropertyName("meta"u8);
            if (pending.CollidesWith(record.RawMeta.Span)) record.Meta.WriteTo(w); // materializes and merges
            else
            {
                var merged = _mergedMeta ??= new ArrayBufferWriter<byte>(1024);
                pending.AppendTo(record.RawMeta.Span, merged, CreateWriter);
                w.WriteRawValue(merged.WrittenSpan, skipInputValidation: true);
            }
        }
        else if (record.MaterializedMeta is { } m)
        {
            w.WritePropertyName("meta"u8);
            m.WriteTo(w);
        }
        else if (!record.RawMeta.IsEmpty)
        {
            w.WritePropertyName("meta"u8);
            w.WriteRawValue(record.RawMeta.Span, skipInputValidation: true);
        }
        w.WriteEndObject();
    }

    /// <summary>Creates a writer with the house options (compact, relaxed escaping) over <paramref name="output"/>.</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    /// <summary>Serializes one record to a UTF-8 line (no newline). Convenience for tests and small jobs.</summary>
    public static byte[] ToUtf8(Record record)
    {
        var buf = new ArrayBufferWriter<byte>(256);
        using (var w = CreateWriter(buf)) Write(w, record);
        return buf.WrittenSpan.ToArray();
    }
}
