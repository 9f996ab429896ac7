using Assay.Core.Records;

namespace Assay.Core.Accounting;

/// <summary>Marks a record as removed: <c>meta.removed_by</c> (the step) and <c>meta.reason</c>.</summary>
public static class RemovedRecords
{
    public static Record Mark(Record record, string step, string reason)
    {
        record.SetMetaString("removed_by", step);
        record.SetMetaString("reason", reason);
        return record;
    }
}
