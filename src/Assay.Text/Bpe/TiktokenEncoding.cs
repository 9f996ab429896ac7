namespace Assay.Text.Bpe;

/// <summary>
/// A tiktoken byte-level BPE encoding (cl100k_base, o200k_base, r50k_base/gpt2, p50k_base, or one
/// trained by <see cref="BpeTrainer"/>), producing the same ids as js-tiktoken 1.0.21.
/// Immutable after loading and safe to share between threads.
/// </summary>
public sealed partial class TiktokenEncoding
{
    /// <summary>Environment variable naming the directory that holds js-tiktoken's rank files.</summary>
    public const string DirectoryVariable = "ASSAY_TIKTOKEN_DIR";

    /// <summary>Names <see cref="Load"/> resolves in a js-tiktoken directory.</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        ["cl100k_base", "o200k_base", "r50k_base", "gpt2", "p50k_base", "p50k_edit"];

    private readonly ByteRankMap _ranks;
    private readonly byte[]?[] _decode;             // id → bytes (ordinary and special), null when unused
    private readonly string[] _specialOrder;        // special tokens in file order, as js-tiktoken searches them
    private readonly Dictionary<string, int> _special;
    private readonly ScannerKind _scannerKind;
    private readonly RegexScanner? _regexScanner;
    private readonly MergeCache _mergeCache = new();

    public string Name { get; }

    /// <summary>The split pattern (JavaScript regex syntax, as in the rank file).</summary>
    public string Pattern { get; }

    public IReadOnlyDictionary<string, int> SpecialTokens => _special;

    /// <summary>Number of ordinary (mergeable) tokens.</summary>
    public int MergeableCount => _ranks.Count;

    /// <summary>One more than the largest id, special tokens included.</summary>
    public int IdLimit => _decode.Length;

    /// <summary>The rank map, for the merge tests and the trainer's checks.</summary>
    internal ByteRankMap Ranks => _ranks;

    internal TiktokenEncoding(RankFile file)
    {
        Name = file.Name;
        Pattern = file.Pattern;
        _ranks = new ByteRankMap(file.Ranks);
        var max = -1;
        foreach (var (_, r) in file.Ranks) max = Math.Max(max, r);
        foreach (var r in file.SpecialTokens.Values) max = Math.Max(max, r);
        _decode = new byte[max + 1][];
        foreach (var (bytes, r) in file.Ranks)
        {
            if (r < 0) throw new InvalidDataException($"{Name}: negative rank {r}.");
            if (_decode[r] is not null) throw new InvalidDataException($"{Name}: rank {r} appears twice.");
            _decode[r] = bytes;
        }
        _special = new Dictionary<string, int>(file.SpecialTokens, StringComparer.Ordinal);
        _specialOrder = [.. file.SpecialTokens.Keys];
        foreach (var (text, r) in file.SpecialTokens)
        {
            if (r < 0 || _decode[r] is not null) throw new InvalidDataException($"{Name}: special token {text} reuses id {r}.");
            _decode[r] = System.Text.Encoding.UTF8.GetBytes(text);
        }
        // Every byte must be a token on its own, so any piece can be encoded (see BytePairMerger).
        Span<byte> one = stackalloc byte[1];
        for (var b = 0; b < 256; b++)
        {
            one[0] = (byte)b;
            if (!_ranks.TryGetRank(one, out _))
                throw new InvalidDataException($"{Name}: byte 0x{b:X2} has no token; a byte-level BPE needs all 256.");
        }
        _scannerKind = PieceSplitter.KindOf(file.Pattern);
        if (_scannerKind == ScannerKind.Regex) _regexScanner = new RegexScanner(file.Pattern);
    }

    /// <summary>
    /// Loads an encoding. <paramref name="nameOrPath"/> is either a file (<c>*.js</c>/<c>*.cjs</c> from
    /// js-tiktoken's <c>dist/ranks</c>, or a <c>*.tiktoken</c> with its <c>*.json</c> sidecar) or one of
    /// <see cref="KnownNames"/>, looked up in <paramref name="directory"/>, else in <c>$ASSAY_TIKTOKEN_DIR</c>.
    /// The directory may be the ranks folder itself, the unpacked npm package, its parent, or a
    /// folder whose <c>node_modules</c> has js-tiktoken.
    /// </summary>
    public static TiktokenEncoding Load(string nameOrPath, string? directory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        if (File.Exists(nameOrPath)) return new TiktokenEncoding(ReadFile(nameOrPath));
        if (!KnownNames.Contains(nameOrPath, StringComparer.Ordinal))
            throw new ArgumentException(
                $"'{nameOrPath}' is neither a rank file nor a known encoding; known: {string.Join(", ", KnownNames)}.",
                nameof(nameOrPath));
        directory ??= Environment.GetEnvironmentVariable(DirectoryVariable);
        if (string.IsNullOrEmpty(directory))
            throw new ArgumentException(
                $"No directory for '{nameOrPath}': pass one or set {DirectoryVariable} to the unpacked js-tiktoken package.",
                nameof(directory));
        string[] candidates =
        [
            Path.Combine(directory, nameOrPath + ".js"),
            Path.Combine(directory, "ranks", nameOrPath + ".js"),
            Path.Combine(directory, "dist", "ranks", nameOrPath + ".js"),
            Path.Combine(directory, "package", "dist", "ranks", nameOrPath + ".js"),
            Path.Combine(directory, "node_modules", "js-tiktoken", "dist", "ranks", nameOrPath + ".js"),
            Path.Combine(directory, nameOrPath + ".tiktoken"),
        ];
        foreach (var c in candidates)
            if (File.Exists(c)) return new TiktokenEncoding(ReadFile(c));
        throw new FileNotFoundException(
            $"No rank file for '{nameOrPath}' under {directory}; looked for {string.Join(", ", candidates)}. " +
            "Unpack the js-tiktoken npm package there (npm pack js-tiktoken@1.0.21).");
    }

    private static RankFile ReadFile(string path) =>
        Path.GetExtension(path).Equals(".tiktoken", StringComparison.OrdinalIgnoreCase)
            ? RankFileReader.ReadTiktoken(path)
            : RankFileReader.ReadJs(path);
}
