using System.Diagnostics;
using Assay.Curation.Dedup;

namespace Assay.Bench.Dedup;

/// <summary>
/// Exact-substring dedup of the same documents in memory (<see cref="ExactSubstringDeduplicator"/>,
/// the reference) and disk-backed (<see cref="DiskSubstringDeduplicator"/>, parts of --part-mb);
/// checks every record is identical and prints the CPU time of each. Peak memory needs separate
/// processes: measure it with /usr/bin/time on `assay dedup --method substring`.
/// Args: [--mb 20] [--part-mb 4] [--k 50]
/// </summary>
public sealed class SubstringDiskVsMemory : IBenchTask
{
    public string Name => "substring-disk-vs-memory";

    public string Description => "exact-substring dedup: disk-backed parts vs the in-memory reference on the same documents; checks identical output";

    public int Run(string[] args)
    {
        int mb = MinHashVsNumpy.IntArg(args, "--mb", 20);
        int partMb = MinHashVsNumpy.IntArg(args, "--part-mb", 4);
        int k = MinHashVsNumpy.IntArg(args, "--k", 50);
        var docs = File.ReadLines(DedupBenchFiles.Documents(mb)).Select((t, i) => new DedupDocument($"d{i:D7}", t)).ToList();
        var options = new ExactSubstringOptions { MinLength = k, PartBytes = partMb * 1_000_000L };
        var (memory, memoryCpu) = Cpu(() => ExactSubstringDeduplicator.Run(docs, options));
        string work = Path.Combine(Path.GetTempPath(), $"assay-substring-bench-{Environment.ProcessId}");
        // The stages of DiskSubstringDeduplicator.Run, timed one by one.
        var dedup = new DiskSubstringDeduplicator(work, options);
        var (_, addCpu) = Cpu(() => { foreach (var d in docs) dedup.Add(d.Text); return 0; });
        var (_, partsCpu) = Cpu(() => { dedup.BuildParts(); return 0; });
        int parts = dedup.Parts;
        var (_, mergeCpu) = Cpu(() => { dedup.Merge(); return 0; });
        var (disk, applyCpu) = Cpu(() => docs.Select((d, i) => dedup.Apply(i, d.Id, d.Text)).ToList());
        dedup.Dispose();
        double diskCpu = addCpu + partsCpu + mergeCpu + applyCpu;
        Directory.Delete(work, recursive: true);
        int same = Enumerable.Range(0, docs.Count).Count(i => memory[i].Text == disk[i].Text && memory[i].Spans.SequenceEqual(disk[i].Spans));
        Console.WriteLine($"{docs.Count:N0} documents, {mb} MB, k = {k}, parts of {partMb} MB");
        Console.WriteLine($"in memory : cpu {memoryCpu:F2} s, {memory.Sum(r => r.BytesRemoved):N0} bytes removed");
        Console.WriteLine($"disk parts: cpu {diskCpu:F2} s (corpus {addCpu:F2}, {parts} parts {partsCpu:F2}, merge {mergeCpu:F2}, apply {applyCpu:F2}), {disk.Sum(r => r.BytesRemoved):N0} bytes removed");
        Console.WriteLine($"identical records: {same:N0} / {docs.Count:N0}");
        return same == docs.Count ? 0 : 1;
    }

    private static (T, double) Cpu<T>(Func<T> run)
    {
        var p = Process.GetCurrentProcess();
        var before = p.TotalProcessorTime;
        T result = run();
        p.Refresh();
        return (result, (p.TotalProcessorTime - before).TotalSeconds);
    }
}
