using System.Buffers.Binary;
using System.IO.Compression;

namespace Assay.Valuation.Data;

/// <summary>
/// Reads the IDX format of MNIST / Fashion-MNIST (magic 0x00000803 images, 0x00000801 labels),
/// plain or gzipped (detected by the gzip magic, not the file name).
/// </summary>
public static class IdxReader
{
    public static byte[] ReadAllBytes(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length >= 2 && raw[0] == 0x1f && raw[1] == 0x8b)
        {
            using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            return ms.ToArray();
        }
        return raw;
    }

    /// <summary>Images scaled to [0, 1], row-major [count × rows·cols].</summary>
    public static (float[] Pixels, int Count, int Dimension) ReadImages(string path, int maxCount = int.MaxValue)
    {
        var b = ReadAllBytes(path);
        if (b.Length < 16 || BinaryPrimitives.ReadInt32BigEndian(b) != 0x803)
            throw new InvalidDataException($"{path}: not an IDX image file (expected magic 0x00000803); hint: pass the *-images-idx3-ubyte[.gz] file");
        int n = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(4));
        int rows = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(8));
        int cols = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(12));
        int d = rows * cols;
        if (b.Length < 16 + (long)n * d) throw new InvalidDataException($"{path}: truncated ({b.Length} bytes for {n} images of {d} pixels)");
        n = Math.Min(n, maxCount);
        var px = new float[(long)n * d];
        var src = b.AsSpan(16, n * d);
        // Divide (not multiply by 1/255) so pixels equal numpy's uint8 / float32(255) bit for bit.
        for (int i = 0; i < px.Length; i++) px[i] = src[i] / 255f;
        return (px, n, d);
    }

    public static int[] ReadLabels(string path, int maxCount = int.MaxValue)
    {
        var b = ReadAllBytes(path);
        if (b.Length < 8 || BinaryPrimitives.ReadInt32BigEndian(b) != 0x801)
            throw new InvalidDataException($"{path}: not an IDX label file (expected magic 0x00000801); hint: pass the *-labels-idx1-ubyte[.gz] file");
        int n = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(4));
        if (b.Length < 8 + n) throw new InvalidDataException($"{path}: truncated");
        n = Math.Min(n, maxCount);
        var y = new int[n];
        for (int i = 0; i < n; i++) y[i] = b[8 + i];
        return y;
    }

    public static DenseData Read(string imagesPath, string labelsPath, int classCount, int maxCount = int.MaxValue)
    {
        var (px, n, d) = ReadImages(imagesPath, maxCount);
        var y = ReadLabels(labelsPath, maxCount);
        if (y.Length != n) throw new InvalidDataException($"{imagesPath} has {n} images but {labelsPath} has {y.Length} labels");
        return new DenseData(px, y, d, classCount);
    }
}
