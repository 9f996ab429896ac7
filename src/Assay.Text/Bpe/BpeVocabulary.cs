using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Assay.Text.Bpe;

/// <summary>
/// What <see cref="BpeTrainer"/> learned: token bytes by rank (0–255 are the single bytes), the
/// merges in the order made, the split pattern and the special tokens (ids after the last rank).
/// </summary>
public sealed class BpeVocabulary
{
    private readonly byte[][] _tokens;

    internal BpeVocabulary(string pattern, byte[][] tokens, IReadOnlyList<BpeMerge> merges, IReadOnlyList<string> specialTokens)
    {
        Pattern = pattern;
        _tokens = tokens;
        Merges = merges;
        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in specialTokens) special.Add(s, tokens.Length + special.Count);
        SpecialTokens = special;
    }

    public string Pattern { get; }

    /// <summary>Number of ordinary tokens (ranks 0 .. Count-1).</summary>
    public int Count => _tokens.Length;

    public IReadOnlyList<BpeMerge> Merges { get; }

    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    public ReadOnlySpan<byte> TokenBytes(int rank) => _tokens[rank];

    /// <summary>An encoding over this vocabulary, without a round trip through files.</summary>
    public TiktokenEncoding ToEncoding(string name = "trained") =>
        new(new RankFile(name, Pattern, _tokens.Select((t, i) => (t, i)).ToList(), SpecialTokens));

    /// <summary>
    /// Writes tiktoken's format to <paramref name="path"/> (<c>BASE64 RANK</c> per line, LF endings) and
    /// the sidecar <c>pat_str</c>/<c>special_tokens</c> JSON beside it (same name, <c>.json</c>), which
    /// <see cref="TiktokenEncoding.Load"/> reads back. Same vocabulary, same bytes.
    /// </summary>
    public void Save(string path)
    {
        if (!path.EndsWith(".tiktoken", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("The rank file name must end in .tiktoken.", nameof(path));
        var sb = new StringBuilder(_tokens.Length * 12);
        for (var i = 0; i < _tokens.Length; i++)
            sb.Append(Convert.ToBase64String(_tokens[i])).Append(' ').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));

        using var stream = File.Create(Path.ChangeExtension(path, ".json"));
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // keep the pattern readable
        });
        json.WriteStartObject();
        json.WriteString("pat_str", Pattern);
        json.WriteStartObject("special_tokens");
        foreach (var (text, id) in SpecialTokens.OrderBy(kv => kv.Value)) json.WriteNumber(text, id);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
