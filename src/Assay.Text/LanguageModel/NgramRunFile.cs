namespace Assay.Text.LanguageModel;

/// <summary>
/// A sorted run of (n-gram, count) spilled by <see cref="NgramCounter"/>: magic, version, order,
/// then for each entry <c>order</c> little-endian int32 word ids and an int64 count.
/// Temporary: written and read by the same process.
/// </summary>
internal static class NgramRunFile
{
    private const uint Magic = 0x4E52_5941; // "AYRN"
    private const int Version = 1;

    public static void Write(string path, int order, IEnumerable<(NgramKey Key, long Count)> sorted)
    {
        using var fs = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new BinaryWriter(fs);
        w.Write(Magic);
        w.Write(Version);
        w.Write(order);
        foreach (var (key, count) in sorted)
        {
            for (int i = 0; i < order; i++) w.Write(key[i]);
            w.Write(count);
        }
    }

    internal sealed class Reader : IDisposable
    {
        private readonly BinaryReader _r;
        private readonly int _order;
        private readonly long _length;
        private readonly int[] _buf;

        public Reader(string path, int order)
        {
            var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            _r = new BinaryReader(fs);
            _length = fs.Length;
            _order = order;
            _buf = new int[order];
            if (_r.ReadUInt32() != Magic || _r.ReadInt32() != Version || _r.ReadInt32() != order)
                throw new InvalidDataException($"{path}: not an n-gram run file of order {order}");
        }

        public NgramKey Key { get; private set; }
        public long Count { get; private set; }

        public bool MoveNext()
        {
            if (_r.BaseStream.Position >= _length) return false;
            for (int i = 0; i < _order; i++) _buf[i] = _r.ReadInt32();
            Key = NgramKey.From(_buf);
            Count = _r.ReadInt64();
            return true;
        }

        public void Dispose() => _r.Dispose();
    }
}
