using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Assay.Learn.Checkpoints;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header
/// mapping each name to dtype, shape and data_offsets (relative to the end of the header) plus an
/// optional "__metadata__" string map, then the raw little-endian data. We write F32; we read
/// F32, F16 and BF16 (converted to float32), and BOOL/U8 as 0..255 (GPT-2 checkpoints store their
/// causal-mask buffers h.{i}.attn.bias as BOOL or F32).
/// </summary>
public static class SafeTensors
{
    private const long MaxHeader = 100 << 20;

    public static void Write(string path, IEnumerable<(string Name, int[] Shape, ReadOnlyMemory<float> Data)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.ToList();
        using var header = new MemoryStream();
        using (var w = new Utf8JsonWriter(header))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject("__metadata__");
                foreach (var (k, v) in metadata) w.WriteString(k, v);
                w.WriteEndObject();
            }
            long offset = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, shape, data) in list)
            {
                if (!seen.Add(name)) throw new ArgumentException($"tensor '{name}' appears twice.");
                long count = shape.Aggregate(1L, (a, b) => a * b);
                if (count != data.Length) throw new ArgumentException($"tensor '{name}' has shape [{string.Join(", ", shape)}] but {data.Length} values.");
                w.WriteStartObject(name);
                w.WriteString("dtype", "F32");
                w.WriteStartArray("shape");
                foreach (int s in shape) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                w.WriteNumberValue(offset + count * 4);
                w.WriteEndArray();
                w.WriteEndObject();
                offset += count * 4;
            }
            w.WriteEndObject();
        }
        // Pad the header with spaces to a multiple of 8 so the data is aligned (as the reference writer does).
        while (header.Length % 8 != 0) header.WriteByte((byte)' ');

        string tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Length);
            fs.Write(len);
            header.Position = 0;
            header.CopyTo(fs);
            foreach (var (_, _, data) in list)
                WriteFloats(fs, data.Span);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static void WriteFloats(Stream s, ReadOnlySpan<float> data)
    {
        if (BitConverter.IsLittleEndian)
        {
            s.Write(MemoryMarshal.AsBytes(data));
            return;
        }
        Span<byte> b = stackalloc byte[4];
        foreach (float f in data)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b, f);
            s.Write(b);
        }
    }

    public static SafeTensorsFile Read(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        Span<byte> lenBytes = stackalloc byte[8];
        if (fs.Read(lenBytes) != 8) throw Bad(path, "it is shorter than the 8-byte header length");
        ulong headerLen = BinaryPrimitives.ReadUInt64LittleEndian(lenBytes);
        if (headerLen > MaxHeader || (long)headerLen > fs.Length - 8)
            throw Bad(path, $"its header length {headerLen} is impossible for a {fs.Length}-byte file; is it really a .safetensors file?");
        var headerBytes = new byte[headerLen];
        fs.ReadExactly(headerBytes);
        long dataStart = 8 + (long)headerLen;
        long dataLen = fs.Length - dataStart;

        using var doc = ParseHeader(path, headerBytes);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new List<(string Name, string DType, int[] Shape, long Begin, long End)>();
        foreach (var prop in doc.RootElement.EnumerateObject())
        {
            if (prop.Name == "__metadata__")
            {
                foreach (var m in prop.Value.EnumerateObject()) metadata[m.Name] = m.Value.GetString() ?? "";
                continue;
            }
            var e = prop.Value;
            string dtype = e.GetProperty("dtype").GetString() ?? "";
            int[] shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            var offs = e.GetProperty("data_offsets").EnumerateArray().Select(x => x.GetInt64()).ToArray();
            if (offs.Length != 2 || offs[0] < 0 || offs[1] < offs[0] || offs[1] > dataLen)
                throw Bad(path, $"tensor '{prop.Name}' has data_offsets [{string.Join(", ", offs)}] outside the {dataLen} data bytes (truncated file?)");
            int size = dtype switch
            {
                "F32" => 4,
                "F16" or "BF16" => 2,
                "BOOL" or "U8" => 1,
                _ => throw Bad(path, $"tensor '{prop.Name}' has dtype {dtype}; only F32, F16, BF16, BOOL and U8 are supported"),
            };
            long count = shape.Aggregate(1L, (a, b) => a * b);
            if (count * size != offs[1] - offs[0])
                throw Bad(path, $"tensor '{prop.Name}' has shape [{string.Join(", ", shape)}] ({count} x {dtype}) but {offs[1] - offs[0]} bytes");
            entries.Add((prop.Name, dtype, shape, offs[0], offs[1]));
        }

        var tensors = new List<SafeTensor>(entries.Count);
        foreach (var (name, dtype, shape, begin, end) in entries.OrderBy(x => x.Begin))
        {
            var bytes = new byte[end - begin];
            fs.Position = dataStart + begin;
            fs.ReadExactly(bytes);
            tensors.Add(new SafeTensor(name, dtype, shape, Decode(bytes, dtype)));
        }
        return new SafeTensorsFile(path, tensors, metadata);
    }

    private static JsonDocument ParseHeader(string path, byte[] header)
    {
        try
        {
            return JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw Bad(path, $"its header is not valid JSON ({e.Message}): {Encoding.UTF8.GetString(header.AsSpan(0, Math.Min(80, header.Length)))}");
        }
    }

    private static float[] Decode(byte[] bytes, string dtype)
    {
        switch (dtype)
        {
            case "F32":
            {
                var r = new float[bytes.Length / 4];
                if (BitConverter.IsLittleEndian) MemoryMarshal.Cast<byte, float>(bytes).CopyTo(r);
                else for (int i = 0; i < r.Length; i++) r[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
                return r;
            }
            case "F16":
            {
                var r = new float[bytes.Length / 2];
                for (int i = 0; i < r.Length; i++) r[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2));
                return r;
            }
            case "BOOL" or "U8":
                return Array.ConvertAll(bytes, b => (float)b);
            default: // BF16: the upper half of a float32
            {
                var r = new float[bytes.Length / 2];
                for (int i = 0; i < r.Length; i++)
                    r[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * 2)) << 16);
                return r;
            }
        }
    }

    private static InvalidDataException Bad(string path, string why) =>
        new($"{path} is not a readable safetensors file: {why}.");
}
