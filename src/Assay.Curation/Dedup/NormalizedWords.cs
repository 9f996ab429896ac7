using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Assay.Curation.Dedup;

/// <summary>
/// The normalized word view of a text that every dedup and decontamination step hashes.
/// Normalization: a word is a maximal run of Unicode letters or numbers (categories L* and N*,
/// the same set as Python's <c>str.isalnum</c>); everything else (punctuation, symbols,
/// whitespace, line breaks, marks) separates words; words are lowercased with the invariant
/// culture. Words are stored as UTF-8 joined by single spaces, so a run of consecutive words is
/// one contiguous byte span that can be hashed without allocating (the same normalization as
/// text-dedup's <c>NON_ALPHA</c> split, extended beyond ASCII). Re-wrapping, case, punctuation
/// and whitespace changes therefore leave the word sequence unchanged.
/// The buffers are reused between calls; one instance per thread.
/// </summary>
internal sealed class NormalizedWords
{
    private byte[] _bytes = new byte[4096];
    private int[] _starts = new int[512];
    private int[] _ends = new int[512];

    public int Count { get; private set; }

    public int ByteLength { get; private set; }

    /// <summary>UTF-8 bytes of all words joined by single spaces.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, ByteLength);

    /// <summary>Bytes of words [first, first + count) joined by single spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Span(int first, int count) =>
        _bytes.AsSpan(_starts[first], _ends[first + count - 1] - _starts[first]);

    public ReadOnlySpan<byte> Word(int index) => Span(index, 1);

    public void Load(ReadOnlySpan<char> text)
    {
        // Worst case: every char becomes 3 UTF-8 bytes plus a separator.
        int maxBytes = checked(text.Length * 4 + 4);
        if (_bytes.Length < maxBytes)
            _bytes = new byte[Math.Max(maxBytes, _bytes.Length * 2)];
        byte[] bytes = _bytes;
        int pos = 0;
        int count = 0;
        bool inWord = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c < 128)
            {
                i++;
                bool alnum = (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;
                if (alnum)
                {
                    if (!inWord)
                        StartWord(ref pos, ref count);
                    inWord = true;
                    bytes[pos++] = (byte)((uint)(c - 'A') <= 'Z' - 'A' ? c | 0x20 : c);
                }
                else if (inWord)
                {
                    EndWord(pos, count);
                    inWord = false;
                }
                continue;
            }
            if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
                rune = Rune.ReplacementChar;
            i += consumed;
            if (IsWordRune(rune))
            {
                if (!inWord)
                    StartWord(ref pos, ref count);
                inWord = true;
                pos += Rune.ToLowerInvariant(rune).EncodeToUtf8(bytes.AsSpan(pos));
            }
            else if (inWord)
            {
                EndWord(pos, count);
                inWord = false;
            }
        }
        if (inWord)
            EndWord(pos, count);
        Count = count;
        ByteLength = pos;
    }

    private static bool IsWordRune(Rune rune)
    {
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
                return true;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StartWord(ref int pos, ref int count)
    {
        if (count > 0)
            _bytes[pos++] = (byte)' ';
        if (count == _starts.Length)
        {
            Array.Resize(ref _starts, count * 2);
            Array.Resize(ref _ends, count * 2);
        }
        _starts[count] = pos;
        count++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndWord(int pos, int countAfterStart) => _ends[countAfterStart - 1] = pos;

    /// <summary>The normalized text as a string (for tests and reports, not hot paths).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Bytes);
}
