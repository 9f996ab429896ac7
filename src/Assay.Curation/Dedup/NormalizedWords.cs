using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Assay.Curation.Dedup;

/// <summary>
/// The normalized word view of a text that every dedup and decontamination step hashes.
/// Normalization: a word is a maximal run of Unicode letters or numbers (categories L* and N*,
/// the same set as Python's <c>str.isalnum</c>); everything else (punctuation, symbols,
/// whitespace, line breaks, marks) separates words; words are lowercased with the invariant
/// culture's simple mapping (and İ → i, no final-sigma rule). Words are stored as UTF-8 joined
/// by single spaces, so a run of consecutive words is one contiguous byte span that can be hashed without allocating (the same normalization as
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

    // ASCII → lowercased byte for letters and digits, 0 for separators.
    private static ReadOnlySpan<byte> AsciiMap =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', 0, 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
        0, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n', (byte)'o',
        (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v', (byte)'w', (byte)'x', (byte)'y', (byte)'z', 0, 0, 0, 0, 0,
    ];

    public void Load(ReadOnlySpan<char> text)
    {
        // Worst case: every char becomes 3 UTF-8 bytes plus a separator.
        int maxBytes = checked(text.Length * 4 + 4);
        if (_bytes.Length < maxBytes)
            _bytes = new byte[Math.Max(maxBytes, _bytes.Length * 2)];
        // At most one word per two chars (a word and a separator), plus one.
        int maxWords = text.Length / 2 + 1;
        if (_starts.Length < maxWords)
        {
            _starts = new int[Math.Max(maxWords, _starts.Length * 2)];
            _ends = new int[_starts.Length];
        }
        ref byte map = ref MemoryMarshal.GetReference(AsciiMap);
        ref byte dst = ref MemoryMarshal.GetArrayDataReference(_bytes);
        ref int starts = ref MemoryMarshal.GetArrayDataReference(_starts);
        ref int ends = ref MemoryMarshal.GetArrayDataReference(_ends);
        int pos = 0;
        int count = 0;
        bool inWord = false;
        int i = 0;
        int n = text.Length;
        ref char src = ref MemoryMarshal.GetReference(text);
        while (i < n)
        {
            uint c = Unsafe.Add(ref src, i);
            byte b;
            int width = 1;
            bool word;
            if (c < 128)
            {
                b = Unsafe.Add(ref map, (nint)c);
                word = b != 0;
                i++;
                if (word)
                {
                    if (!inWord)
                    {
                        if (count > 0)
                            Unsafe.Add(ref dst, pos++) = (byte)' ';
                        Unsafe.Add(ref starts, count++) = pos;
                        inWord = true;
                    }
                    Unsafe.Add(ref dst, pos++) = b;
                    continue;
                }
            }
            else
            {
                if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
                    rune = Rune.ReplacementChar;
                i += consumed;
                word = IsWordRune(rune);
                if (word)
                {
                    if (!inWord)
                    {
                        if (count > 0)
                            Unsafe.Add(ref dst, pos++) = (byte)' ';
                        Unsafe.Add(ref starts, count++) = pos;
                        inWord = true;
                    }
                    width = Lower(rune).EncodeToUtf8(_bytes.AsSpan(pos));
                    pos += width;
                    continue;
                }
            }
            if (inWord)
            {
                Unsafe.Add(ref ends, count - 1) = pos;
                inWord = false;
            }
        }
        if (inWord)
            Unsafe.Add(ref ends, count - 1) = pos;
        Count = count;
        ByteLength = pos;
    }

    // Invariant simple lowercasing, except U+0130 (İ) → 'i' (the invariant culture leaves it as is);
    // no context-dependent final sigma.
    private static Rune Lower(Rune rune) => rune.Value == 0x130 ? new Rune('i') : Rune.ToLowerInvariant(rune);

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

    /// <summary>The normalized text as a string (for tests and reports, not hot paths).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Bytes);
}
