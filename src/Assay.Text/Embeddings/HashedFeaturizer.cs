using System.Runtime.InteropServices;
using Assay.Core.Hashing;
using Assay.Text.LanguageModel;

namespace Assay.Text.Embeddings;

/// <summary>
/// Hashed bag of features for TF-IDF: lowercased words (<see cref="WordTokenizer"/>, punctuation
/// dropped), adjacent word bigrams, and character 3–5-grams inside each word padded with '&lt;' '&gt;'
/// (scikit-learn's char_wb analyzer; fastText's subwords, Bojanowski et al. 2017). Each feature is
/// xxHash64 of its UTF-16 code units, with a different seed per kind, masked to 2^bits buckets.
/// </summary>
internal sealed class HashedFeaturizer(int bucketBits)
{
    private const ulong WordSeed = 0x5741_5244, BigramSeed = 0x4249_4752, CharSeed = 0x4348_4152;
    public const int MinChar = 3, MaxChar = 5;

    private readonly ulong _mask = (1UL << bucketBits) - 1;

    public int Buckets => 1 << bucketBits;

    public void Featurize(ReadOnlySpan<char> text, FeatureCounts counts)
    {
        ulong prev = 0;
        bool havePrev = false;
        char[] padded = counts.WordBuffer;
        WordTokenizer.Tokenize(text, word =>
        {
            if (!char.IsLetterOrDigit(word[0])) return; // punctuation: not a feature, but it does not break bigrams either
            ulong h = XxHash64.Hash(MemoryMarshal.AsBytes(word), WordSeed);
            counts.Add((int)(h & _mask));
            if (havePrev) counts.Add((int)(XxHash64.HashUInt64(prev * 31 + h, BigramSeed) & _mask));
            prev = h;
            havePrev = true;
            if (word.Length + 2 > padded.Length) padded = counts.WordBuffer = new char[word.Length * 2 + 2];
            padded[0] = '<';
            word.CopyTo(padded.AsSpan(1));
            padded[word.Length + 1] = '>';
            var p = padded.AsSpan(0, word.Length + 2);
            for (int n = MinChar; n <= MaxChar && n <= p.Length; n++)
                for (int i = 0; i + n <= p.Length; i++)
                    counts.Add((int)(XxHash64.Hash(MemoryMarshal.AsBytes(p.Slice(i, n)), CharSeed) & _mask));
        });
    }
}
