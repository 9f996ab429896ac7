namespace Assay.Core.Records;

/// <summary>
/// The copy of an input line that backs a parsed record's raw text and meta slices. A released record
/// (<see cref="Record.Release"/>) hands its copy back, and the next line parsed on the thread reuses it:
/// a pipeline task then copies lines into one buffer instead of allocating a fresh array per record.
/// A buffer in the slot belongs to no record, so taking it never aliases live data.
/// </summary>
internal static class LineBuffers
{
    private const int MinBytes = 256;
    [ThreadStatic] private static byte[]? t_free;

    public static byte[] Rent(int length)
    {
        var b = t_free;
        if (b is not null && b.Length >= length)
        {
            t_free = null;
            return b;
        }
        // A released buffer too small for this line is dropped; the new one leaves room so sizes settle fast.
        return new byte[Math.Max(MinBytes, length < 1 << 20 ? (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)length) : length)];
    }

    public static void Return(byte[] buffer)
    {
        if (t_free is null || t_free.Length < buffer.Length) t_free = buffer;
    }
}
