using Assay.Curation.Dedup;
using Assay.Curation.Pipeline.Barriers;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters.Dedup;

/// <summary>Semantic dedup (k-means, then cosine threshold within clusters) over the whole stage (one job); needs an embedding in <c>features</c>.</summary>
[StepName(Name, typeof(DedupSemanticOptions), Description = "SemDeDup over 'features' embeddings across the whole stage (barrier, one job)")]
public sealed class DedupSemanticStep(DedupSemanticOptions options) : DatasetDedupBarrier
{
    public const string Name = "dedup_semantic_v1";

    public override void Initialize(StepContext context) => options.Engine().Validate();

    protected override DatasetDedupOptions Engine(BarrierContext context) => new() { Method = DedupMethod.Semantic, Semantic = options.Engine() };
}
