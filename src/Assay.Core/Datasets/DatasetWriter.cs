using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Core.Datasets;

/// <summary>
/// Writes records into a dataset folder: shards <c>PREFIX-00000.jsonl[.gz|.zst]</c> rolled by
/// size, then <c>dataset.json</c>. Sources keep the licenses given to <see cref="SetLicense"/>.
/// </summary>
public sealed class DatasetWriter : IDisposable
{
    private readonly string _folder;
    private readonly Compression _compression;
    private readonly long _shardBytes;
    private readonly string _prefix;
    private readonly List<ShardInfo> _done = [];
    private readonly Dictionary<string, SourceEntry> _sourceInfo = new(StringComparer.Ordinal);
    private ShardWriter? _current;

    /// <param name="shardBytes">roll to a new shard past this many uncompressed bytes (default 256 MiB, datatrove-like)</param>
    public DatasetWriter(string folder, Compression compression = Compression.None, long shardBytes = 256L << 20, string prefix = "part")
    {
        _folder = folder;
        _compression = compression;
        _shardBytes = shardBytes;
        _prefix = prefix;
        Directory.CreateDirectory(folder);
    }

    public string Folder => _folder;
    public long Records { get; private set; }

    public void SetLicense(string source, string? license, string? url = null, string? notes = null) =>
        _sourceInfo[source] = new SourceEntry { Name = source, License = license, Url = url, Notes = notes };

    public void Write(Record record)
    {
        Current().Write(record);
        Records++;
        if (_current!.UncompressedBytes >= _shardBytes) Roll();
    }

    private ShardWriter Current() =>
        _current ??= new ShardWriter(Path.Combine(_folder, $"{_prefix}-{_done.Count:D5}{ShardFormat.Extension(_compression)}"));

    private void Roll()
    {
        if (_current is null) return;
        _done.Add(_current.Complete());
        _current.Dispose();
        _current = null;
    }

    /// <summary>Completes the last shard and writes the manifest. Returns the manifest written.</summary>
    public DatasetManifest Complete(string name, Lineage? lineage = null, string? description = null)
    {
        Roll();
        var manifest = DatasetManifests.Build(name, _done, _sourceInfo, lineage, description);
        manifest.Save(_folder);
        return manifest;
    }

    public void Dispose() => _current?.Dispose();
}
