using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Core.Datasets;

/// <summary>Reads every record of a dataset input in shard order, with one id guard across shards.</summary>
public static class DatasetReader
{
    public static IEnumerable<Record> Read(DatasetInput input, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        if (options.Ids is null) options = options with { Ids = new IdGuard() };
        foreach (var shard in input.Shards)
            foreach (var r in ShardReader.Read(shard, options))
                yield return r;
    }

    public static IEnumerable<Record> Read(string spec, ReadOptions? options = null) => Read(DatasetInput.Resolve(spec), options);
}
