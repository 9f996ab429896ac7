using Assay.Core.Datasets;
using Assay.Core.Records;

namespace Assay.Curation.Tests.Dedup;

internal static class TestDatasets
{
    /// <summary>Writes the records as a dataset folder and resolves it as an input.</summary>
    public static DatasetInput Write(string folder, IEnumerable<Record> records)
    {
        using (var w = new DatasetWriter(folder))
        {
            foreach (var r in records)
                w.Write(r);
            w.Complete(Path.GetFileName(folder));
        }
        return DatasetInput.Resolve(folder);
    }
}
