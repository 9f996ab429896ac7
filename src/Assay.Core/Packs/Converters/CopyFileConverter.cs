using Assay.Core.Datasets;

namespace Assay.Core.Packs.Converters;

/// <summary>Asset packs: copies one file of the package (e.g. a model) under a stable name.</summary>
internal sealed class CopyFileConverter(string relative, string name) : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var src = Path.Combine(packageDir, relative);
        PackFiles.Require(src);
        File.Copy(src, Path.Combine(assetDir!, name), overwrite: true);
    }
}
