using Assay.Core.Accounting;
using Assay.Valuation.Methods;

namespace Assay.Valuation.Steps;

/// <summary>What the value step did: in / kept / removed counts, the values, and the highest removed value (null if none removed).</summary>
public sealed record ValueStepResult(StepCounts Counts, ValuationResult Values, double? Cutoff);
