using System.Text;

namespace Assay.Curation.Dedup;

/// <summary>
/// Exact-substring dedup in bounded memory, with the same result as
/// <see cref="ExactSubstringDeduplicator"/> (tested equal on random corpora and part sizes). The
/// corpus goes to a file that is memory-mapped; suffix arrays are built per part (parts sized to
/// <see cref="ExactSubstringOptions.MemoryBytes"/>, built as parallel tasks) and spilled with their LCP files; the parts
/// are merged against the mapped text and repeats marked while streaming the merged order
/// (<see cref="SuffixArrayMerge"/>). The in-memory path needs LCP and longest-previous-factor arrays
/// indexed by position (≈ 40 bytes per byte); this path only needs to know which k-byte keys repeat,
/// which a merge by the first k bytes answers with one bit per byte.
/// Use: <see cref="Add"/> every document, <see cref="Find"/>, then <see cref="Apply"/> per document.
/// </summary>
public sealed class DiskSubstringDeduplicator : IDisposable
{
    private readonly string _dir;
    private readonly ExactSubstringOptions _options;
    private readonly SubstringCorpusWriter _writer;
    private SubstringCorpus? _corpus;
    private ulong[]? _marks;
    private ulong[]? _longer;
    private List<(long Start, int Length)>? _parts;

    /// <param name="workDir">Folder for the corpus file and the part suffix arrays (created; its files are deleted on dispose).</param>
    public DiskSubstringDeduplicator(string workDir, ExactSubstringOptions options)
    {
        options.Validate();
        _options = options;
        _dir = Path.Combine(workDir, "substring-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dir);
        _writer = new SubstringCorpusWriter(Path.Combine(_dir, "corpus.bin"));
    }

    public int Count => _corpus?.Count ?? _writer.Count;

    /// <summary>Number of suffix-array parts (after <see cref="BuildParts"/>).</summary>
    public int Parts => _parts?.Count ?? 0;

    public void Add(string text)
    {
        if (_corpus is not null)
            throw new InvalidOperationException("documents must all be added before Find");
        _writer.Add(text);
    }

    /// <summary>Both steps after the last <see cref="Add"/>: <see cref="BuildParts"/> then <see cref="Merge"/>.</summary>
    public void Find(CancellationToken ct = default)
    {
        BuildParts(ct);
        Merge(ct);
    }

    /// <summary>Maps the corpus and writes the part suffix arrays.</summary>
    public void BuildParts(CancellationToken ct = default)
    {
        _corpus = _writer.Complete();
        _parts = SuffixArrayParts.Plan(_corpus.Starts, _options.ResolvePartBytes());
        SuffixArrayParts.Build(_corpus, _parts, _dir, _options.MinLength, _options.Workers, ct);
    }

    /// <summary>Merges the parts, marks the repeats and deletes the part files.</summary>
    public void Merge(CancellationToken ct = default)
    {
        if (_corpus is null || _parts is null)
            throw new InvalidOperationException("call BuildParts first");
        (_marks, _longer) = SuffixArrayMerge.MarkRepeats(_corpus, _parts, _dir, _options.MinLength, ct);
        for (int p = 0; p < _parts.Count; p++)
            SuffixArrayParts.Delete(_dir, p);
    }

    /// <summary>UTF-8 byte ranges [start, end) of document <paramref name="doc"/> (in Add order) to remove.</summary>
    public List<(int Start, int End)> Spans(int doc)
    {
        if (_corpus is null || _marks is null)
            throw new InvalidOperationException("call Find (or BuildParts and Merge) first");
        return SuffixArrayMerge.Ranges(_marks, _longer, _corpus, doc, _options.MinLength);
    }

    /// <summary>The document after removal; <paramref name="text"/> must be the text added as document <paramref name="doc"/>.</summary>
    public SubstringDedupRecord Apply(int doc, string id, string text)
    {
        var spans = Spans(doc);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length != _corpus!.Starts[doc + 1] - 1 - _corpus.Starts[doc])
            throw new ArgumentException($"document {doc} ('{id}') is not the text that was added: {bytes.Length} bytes, the corpus holds {_corpus.Starts[doc + 1] - 1 - _corpus.Starts[doc]}");
        return ExactSubstringDeduplicator.Apply(id, text, bytes, spans);
    }

    /// <summary>Whole-list convenience (tests, small inputs): same contract as <see cref="ExactSubstringDeduplicator.Run"/>.</summary>
    public static IReadOnlyList<SubstringDedupRecord> Run(IReadOnlyList<DedupDocument> documents, ExactSubstringOptions options, string workDir, CancellationToken ct = default)
    {
        using var dedup = new DiskSubstringDeduplicator(workDir, options);
        foreach (var d in documents)
            dedup.Add(d.Text);
        dedup.Find(ct);
        return documents.Select((d, i) => dedup.Apply(i, d.Id, d.Text)).ToList();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _corpus?.Dispose();
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }
}
