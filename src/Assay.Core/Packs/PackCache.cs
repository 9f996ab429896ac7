namespace Assay.Core.Packs;

/// <summary>Where pulled packs live: $ASSAY_CACHE, else ~/.cache/assay. Datasets under packs/, raw assets under assets/.</summary>
public static class PackCache
{
    public const string Variable = "ASSAY_CACHE";

    public static string Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable(Variable);
            return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "assay");
        }
    }

    public static string PathOf(PackDefinition pack) =>
        Path.Combine(Root, pack.Kind == PackKind.Dataset ? "packs" : "assets", pack.CacheName);

    public static string DownloadDir => Path.Combine(Root, "downloads");

    /// <summary>A pack is cached when its completion marker exists (written last).</summary>
    public static bool IsCached(PackDefinition pack) => File.Exists(Path.Combine(PathOf(pack), CompleteMarker));

    public const string CompleteMarker = ".complete";
}
