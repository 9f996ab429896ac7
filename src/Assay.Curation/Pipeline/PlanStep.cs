namespace Assay.Curation.Pipeline;

/// <summary>A step as measured on the sample: time per 1,000 records and the share of its input it kept.</summary>
public sealed record PlanStep(string Step, double MsPer1kRecords, double KeptFraction);
