using System.Text;

namespace Assay.Text.Bpe;

public sealed partial class TiktokenEncoding
{
    /// <summary>The bytes of <paramref name="ids"/> concatenated; an id that is no token throws.</summary>
    public byte[] DecodeBytes(ReadOnlySpan<int> ids)
    {
        var total = 0;
        foreach (var id in ids) total += TokenBytes(id).Length;
        var result = new byte[total];
        var pos = 0;
        foreach (var id in ids)
        {
            var b = TokenBytes(id);
            b.CopyTo(result.AsSpan(pos));
            pos += b.Length;
        }
        return result;
    }

    /// <summary>The text of <paramref name="ids"/>; byte sequences that are not valid UTF-8 become U+FFFD.</summary>
    public string Decode(ReadOnlySpan<int> ids) => Encoding.UTF8.GetString(DecodeBytes(ids));

    /// <summary>The bytes of one token (ordinary or special).</summary>
    public ReadOnlySpan<byte> TokenBytes(int id)
    {
        if ((uint)id >= (uint)_decode.Length || _decode[id] is not { } bytes)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"{Name} has no token with this id.");
        return bytes;
    }
}
