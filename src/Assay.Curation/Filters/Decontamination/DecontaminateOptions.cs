namespace Assay.Curation.Filters.Decontamination;

/// <summary>What the step does with a record that shares an n-gram with a benchmark item.</summary>
public enum DecontaminateMode
{
    /// <summary>Remove it (reason <c>decontaminate:benchmark_ngram_overlap</c>).</summary>
    Remove,

    /// <summary>Keep it and list the items it matches in <c>meta.contaminates</c>.</summary>
    Annotate,
}

/// <summary>
/// Benchmark decontamination as a per-record step. <see cref="Ngram"/> = 13 words follows GPT-3
/// (Brown et al. 2020, appendix C), as <c>assay decontaminate</c>.
/// </summary>
public sealed record DecontaminateOptions
{
    /// <summary>Benchmark datasets (JSONL with <c>text</c>, optionally <c>meta.answer</c>); named by file or folder name.</summary>
    public List<string> Benchmarks { get; init; } = [];
    public DecontaminateMode Mode { get; init; } = DecontaminateMode.Remove;
    public int Ngram { get; init; } = 13;
}
