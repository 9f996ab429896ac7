using System.Text;
using Assay.Text.Bpe;

namespace Assay.Learn.Training;

/// <summary>
/// The tokenizer a GPT is trained with, by registered name: <c>byte</c> (UTF-8 bytes, end-of-text
/// 256, vocab 257) or a tiktoken encoding (<c>gpt2</c>/<c>r50k_base</c>, <c>cl100k_base</c>, ...).
/// vocab_size is one more than the largest id, special tokens included, and <c>&lt;|endoftext|&gt;</c>
/// separates documents, as in GPT-2 (id 50256 of gpt2). Text is encoded as ordinary text, so a
/// document that contains the characters "&lt;|endoftext|&gt;" cannot forge a separator.
/// The name is stored in the checkpoint's config.json (<see cref="Checkpoints.GptCheckpoint"/>).
/// </summary>
public sealed class LmTokenizer
{
    public const string ByteName = "byte";
    public const string EndOfTextToken = "<|endoftext|>";

    /// <summary>Names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = [ByteName, .. TiktokenEncoding.KnownNames];

    public static LmTokenizer Byte { get; } = new(ByteName, ByteTokenizer.VocabSize, ByteTokenizer.EndOfText, null);

    private readonly TiktokenEncoding? _bpe;

    private LmTokenizer(string name, int vocabSize, int endOfText, TiktokenEncoding? bpe)
    {
        Name = name;
        VocabSize = vocabSize;
        EndOfText = endOfText;
        _bpe = bpe;
    }

    public string Name { get; }
    public int VocabSize { get; }
    public int EndOfText { get; }

    /// <summary>
    /// The tokenizer called <paramref name="name"/>; <paramref name="rankDirectory"/> gives the
    /// js-tiktoken rank files and is only asked for when a BPE is named.
    /// </summary>
    public static LmTokenizer Load(string name, Func<string> rankDirectory)
    {
        ArgumentNullException.ThrowIfNull(rankDirectory);
        if (name == ByteName) return Byte;
        if (!TiktokenEncoding.KnownNames.Contains(name, StringComparer.Ordinal))
            throw new ArgumentException($"unknown tokenizer '{name}'; known: {string.Join(", ", KnownNames)}.");
        return FromEncoding(name, TiktokenEncoding.Load(name, rankDirectory()));
    }

    /// <summary>Wraps a loaded encoding; <paramref name="name"/> is what checkpoints record.</summary>
    public static LmTokenizer FromEncoding(string name, TiktokenEncoding encoding)
    {
        if (!encoding.SpecialTokens.TryGetValue(EndOfTextToken, out int eot))
            throw new ArgumentException($"encoding {encoding.Name} has no {EndOfTextToken} token to separate documents.", nameof(encoding));
        return new LmTokenizer(name, encoding.IdLimit, eot, encoding);
    }

    /// <summary>
    /// The tokenizer for a checkpoint: <paramref name="requested"/> if given, else the one its
    /// config.json records, else <c>byte</c> for a 257-token model (checkpoints written before the
    /// name was recorded). Its ids must fit the model's vocabulary.
    /// </summary>
    public static LmTokenizer ForModel(string? requested, string? recorded, int modelVocabSize, Func<string> rankDirectory)
    {
        string name = requested ?? recorded ?? (modelVocabSize == ByteTokenizer.VocabSize ? ByteName
            : throw new ArgumentException($"the checkpoint's config.json names no tokenizer and its vocab_size {modelVocabSize} is not the byte tokenizer's; " +
                                          $"pass --tokenizer (one of {string.Join(", ", KnownNames)}; gpt2 for a GPT-2 checkpoint)."));
        var tokenizer = Load(name, rankDirectory);
        if (tokenizer.VocabSize > modelVocabSize)
            throw new ArgumentException($"tokenizer {name} has {tokenizer.VocabSize} ids but the model's vocab_size is {modelVocabSize}; it was trained with another tokenizer" +
                                        (recorded is null ? "." : $" ({recorded})."));
        return tokenizer;
    }

    public int[] Encode(string text) => _bpe is null ? ByteTokenizer.Encode(text) : _bpe.EncodeOrdinary(text);

    /// <summary>
    /// Text of generated ids: end-of-text is dropped; an id the tokenizer does not define (a
    /// model's padded vocabulary, gaps between tiktoken's special ids) becomes U+FFFD rather than
    /// failing a whole sample; byte sequences that are not UTF-8 become U+FFFD too.
    /// </summary>
    public string Decode(ReadOnlySpan<int> ids)
    {
        var bytes = new List<byte>(ids.Length * (_bpe is null ? 1 : 4));
        foreach (int id in ids)
        {
            if (id == EndOfText) continue;
            var token = _bpe is null ? ((uint)id <= 255 ? ByteValues.AsSpan(id, 1) : default) : Defines(id) ? _bpe.TokenBytes(id) : default;
            bytes.AddRange(token.IsEmpty ? "\uFFFD"u8 : token);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static readonly byte[] ByteValues = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();

    /// <summary>tiktoken's ordinary ranks are 0..MergeableCount-1; the rest are its named special tokens.</summary>
    private bool Defines(int id) =>
        (uint)id < (uint)_bpe!.MergeableCount || (id < _bpe.IdLimit && _bpe.SpecialTokens.Values.Contains(id));
}
