using System.Text;

namespace Assay.Learn.Training;

/// <summary>
/// The simplest tokenizer: UTF-8 bytes are ids 0..255 and 256 is end-of-text (vocab 257). Used by
/// <see cref="LmTokenizer.Byte"/>; any id source works with the engine.
/// </summary>
public static class ByteTokenizer
{
    public const int EndOfText = 256;
    public const int VocabSize = 257;

    public static int[] Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var ids = new int[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) ids[i] = bytes[i];
        return ids;
    }

    /// <summary>Bytes back to text; end-of-text ids are dropped, invalid UTF-8 becomes U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new List<byte>(ids.Length);
        foreach (int id in ids)
        {
            if (id == EndOfText) continue;
            if ((uint)id > 255) throw new ArgumentOutOfRangeException(nameof(ids), $"id {id} is not a byte or end-of-text.");
            bytes.Add((byte)id);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
