using Assay.Core.Records;

namespace Assay.Curation.Steps;

/// <summary>Writes measurements under <c>meta.signals.STEP.NAME</c> so users can filter later by expression without recomputing.</summary>
public static class Signals
{
    // Rounded for stable, compact output.
    public static void Set(Record record, string step, string name, double value) => record.SetSignal(step, name, Math.Round(value, 6));

    public static void Set(Record record, string step, string name, string value) => record.SetSignal(step, name, value);
}
