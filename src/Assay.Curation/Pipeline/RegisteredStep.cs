using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline;

/// <summary>A step class found by its <see cref="StepNameAttribute"/>.</summary>
public sealed record RegisteredStep(string Name, Type StepType, Type OptionsType, string Description, string Kind);
