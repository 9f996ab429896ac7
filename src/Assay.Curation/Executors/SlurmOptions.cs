namespace Assay.Curation.Executors;

/// <summary>
/// How to run on Slurm. <see cref="AssayCommand"/> is the command prefix that runs this very
/// <c>assay</c> build on the compute nodes (e.g. <c>/opt/assay/assay</c> or <c>dotnet /opt/assay/assay.dll</c>).
/// </summary>
public sealed record SlurmOptions
{
    public required string AssayCommand { get; init; }
    public string? Partition { get; init; }
    public int CpusPerTask { get; init; } = 1;
    public int? MemoryMbPerTask { get; init; }
    public string? TimeLimit { get; init; }
    /// <summary>At most this many array tasks at once (<c>--array=...%K</c>); null: as Slurm allows.</summary>
    public int? MaxParallel { get; init; }
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);
}
