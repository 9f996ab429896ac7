using Assay.Core.Records;

namespace Assay.Curation.Steps;

/// <summary>
/// One pipeline step over a stream of records. A step only states its rule; the pipeline does the
/// counting, timing and writing of removed records (datatrove's base-filter split of duties).
/// Every concrete step is one of <see cref="FilterStep"/>, <see cref="AnnotateStep"/>, <see cref="RewriteStep"/>,
/// carries a <see cref="StepNameAttribute"/>, and takes its options record in its constructor.
/// </summary>
public abstract class Step
{
    /// <summary>Called once per task before the first record (load models, word lists...).</summary>
    public virtual void Initialize(StepContext context) { }
}

/// <summary>Keeps a record or removes it with a reason. May also write what it measured to <c>meta.signals</c>.</summary>
public abstract class FilterStep : Step
{
    public abstract Verdict Judge(Record record);
}

/// <summary>Measures without deciding (Dolma tagger style): writes signals into <c>meta.signals</c>.</summary>
public abstract class AnnotateStep : Step
{
    public abstract void Annotate(Record record);
}

/// <summary>Rewrites <c>text</c> (normalization, PII redaction). Returns how many characters changed (0: untouched).</summary>
public abstract class RewriteStep : Step
{
    public abstract long Rewrite(Record record);
}
