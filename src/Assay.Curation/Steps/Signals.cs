using System.Text.Json.Nodes;
using Assay.Core.Records;

namespace Assay.Curation.Steps;

/// <summary>Writes measurements under <c>meta.signals.STEP.NAME</c> so users can filter later by expression without recomputing.</summary>
public static class Signals
{
    public static void Set(Record record, string step, string name, double value)
    {
        var signals = record.Meta["signals"] as JsonObject ?? (JsonObject)(record.Meta["signals"] = new JsonObject());
        var mine = signals[step] as JsonObject ?? (JsonObject)(signals[step] = new JsonObject());
        mine[name] = Math.Round(value, 6); // stable, compact output
    }

    public static void Set(Record record, string step, string name, string value)
    {
        var signals = record.Meta["signals"] as JsonObject ?? (JsonObject)(record.Meta["signals"] = new JsonObject());
        var mine = signals[step] as JsonObject ?? (JsonObject)(signals[step] = new JsonObject());
        mine[name] = value;
    }
}
