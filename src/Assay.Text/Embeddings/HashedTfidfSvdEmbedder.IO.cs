using System.Runtime.InteropServices;

namespace Assay.Text.Embeddings;

/// <summary>
/// Binary model file: magic "ATSV", version, bucket bits, d, seed, row count R, R bucket ids (int32),
/// R row scales (float32), then R × d int8 row values (see <see cref="QuantizedRows"/>); all little-endian. Written beside and renamed, so a reader never sees half a file.
/// </summary>
public sealed partial class HashedTfidfSvdEmbedder
{
    private const uint Magic = 0x5653_5441; // "ATSV" little-endian
    private const int Version = 2;

    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var w = new BinaryWriter(fs))
            {
                w.Write(Magic);
                w.Write(Version);
                w.Write(BucketBits);
                w.Write(Dimensions);
                w.Write(Seed);
                w.Write(_buckets.Length);
                w.Write(MemoryMarshal.AsBytes(_buckets.AsSpan()));
                w.Write(MemoryMarshal.AsBytes(_scales.AsSpan()));
                w.Write(MemoryMarshal.AsBytes(_rows.AsSpan()));
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            File.Delete(tmp);
            throw;
        }
    }

    public static HashedTfidfSvdEmbedder Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such TF-IDF/SVD model (make one with 'assay embed train')");
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var r = new BinaryReader(fs);
        if (fs.Length < 28 || r.ReadUInt32() != Magic) throw new InvalidDataException($"{path}: not an Assay TF-IDF/SVD model (bad magic); make one with 'assay embed train'");
        int version = r.ReadInt32();
        if (version != Version) throw new InvalidDataException($"{path}: model version {version}, this build reads version {Version}");
        int bits = r.ReadInt32(), d = r.ReadInt32();
        ulong seed = r.ReadUInt64();
        int rows = r.ReadInt32();
        if (bits is < 8 or > 24 || d is < 1 or > 4096 || rows < 0 || fs.Length != 28 + 8L * rows + (long)rows * d)
            throw new InvalidDataException($"{path}: header does not match the file size (truncated or corrupt)");
        var buckets = new int[rows];
        fs.ReadExactly(MemoryMarshal.AsBytes(buckets.AsSpan()));
        var scales = new float[rows];
        fs.ReadExactly(MemoryMarshal.AsBytes(scales.AsSpan()));
        var data = new sbyte[(long)rows * d];
        fs.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        foreach (int b in buckets)
            if ((uint)b >= 1u << bits) throw new InvalidDataException($"{path}: bucket {b} out of range");
        return new HashedTfidfSvdEmbedder(bits, d, seed, buckets, data, scales);
    }
}
