using Assay.Core.Datasets;

namespace Assay.Core.Packs.Converters;

/// <summary>Asset packs: copies one folder of the package as is.</summary>
internal sealed class CopyTreeConverter(string relative) : IPackConverter
{
    public void Convert(string packageDir, DatasetWriter? writer, string? assetDir)
    {
        var src = Path.Combine(packageDir, relative);
        PackFiles.Require(src);
        foreach (var file in Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(assetDir!, Path.GetRelativePath(src, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }
}
