using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Assay.Learn.Checkpoints;

namespace Assay.Learn.Tests.Checkpoints;

public sealed class SafeTensorsTests
{
    [Fact]
    public void Round_trip_keeps_names_shapes_values_and_metadata_with_an_aligned_header()
    {
        using var dir = new TempDir();
        string path = dir.File("t.safetensors");
        float[] a = [1f, -2.5f, 3e-8f, float.MaxValue, 0f, 6f];
        float[] b = [42f];
        SafeTensors.Write(path, [("a", [2, 3], a), ("b.bias", [1], b), ("empty", [0], Array.Empty<float>())],
            new Dictionary<string, string> { ["format"] = "pt" });

        var bytes = File.ReadAllBytes(path);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0UL, n % 8);
        Assert.Equal(8 + (long)n + 4 * 7, bytes.Length);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)n));
        Assert.Equal("F32", header.RootElement.GetProperty("a").GetProperty("dtype").GetString());
        Assert.Equal("[0,24]", header.RootElement.GetProperty("a").GetProperty("data_offsets").GetRawText());

        var f = SafeTensors.Read(path);
        Assert.Equal(["a", "b.bias", "empty"], f.Tensors.Select(t => t.Name));
        Assert.Equal([2, 3], f["a"].Shape);
        Assert.Equal(a, f["a"].Data);
        Assert.Equal(b, f["b.bias"].Data);
        Assert.Empty(f["empty"].Data);
        Assert.Equal("pt", f.Metadata["format"]);
    }

    [Fact]
    public void Reads_a_hand_built_file_with_f16_and_bf16_in_any_header_order()
    {
        using var dir = new TempDir();
        string path = dir.File("h.safetensors");
        // Header lists "y" before "x" while x's data comes first, as files from other writers may.
        string json = """{"y":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]},"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"__metadata__":{"k":"v"}}""";
        var h = Encoding.UTF8.GetBytes(json);
        var data = new byte[8];
        BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(0), (Half)1.5f);
        BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(2), (Half)(-0.25f));
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), (ushort)(BitConverter.SingleToInt32Bits(3f) >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), (ushort)(BitConverter.SingleToInt32Bits(-2f) >> 16));
        var file = new byte[8 + h.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)h.Length);
        h.CopyTo(file, 8);
        data.CopyTo(file, 8 + h.Length);
        File.WriteAllBytes(path, file);

        var f = SafeTensors.Read(path);
        Assert.Equal([1.5f, -0.25f], f["x"].Data);
        Assert.Equal([3f, -2f], f["y"].Data);
        Assert.Equal("BF16", f["y"].DType);
        Assert.Equal("v", f.Metadata["k"]);
    }

    [Fact]
    public void Truncated_file_error_names_the_file_and_the_problem()
    {
        using var dir = new TempDir();
        string path = dir.File("bad.safetensors");
        SafeTensors.Write(path, [("w", [4], new float[] { 1, 2, 3, 4 })]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.Read(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains("data_offsets", ex.Message);

        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Contains("shorter", Assert.Throws<InvalidDataException>(() => SafeTensors.Read(path)).Message);
    }
}
