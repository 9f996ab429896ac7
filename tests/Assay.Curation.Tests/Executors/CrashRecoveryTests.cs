using Assay.Curation.Executors;
using Assay.Curation.Pipeline;
using Assay.Curation.Tests.Pipeline;

namespace Assay.Curation.Tests.Executors;

/// <summary>
/// kill -9 a pipeline child process at random moments, rerun it to completion, and require the
/// output to be byte-identical to an uninterrupted run: no record lost or duplicated.
/// </summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Killed_runs_resume_to_byte_identical_output()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, plain: 5000, gz: 2000, zst: 1000);
        await AssertKilledRunsResume(d, output => TestData.Yaml(output, "tasks: 3", "none", checkpointRecords: 250)
            .Replace("  - type: test_words_v1\n", "  - type: test_words_v1\n    pause_every: 8\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// The same with exact and MinHash barriers: kills land in any stage (a second slowed step sits
    /// after the last barrier), and a killed map or reduce is redone from its inputs.
    /// </summary>
    [Fact]
    public async Task Killed_runs_with_dedup_barriers_resume_to_byte_identical_output()
    {
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, plain: 3000, gz: 1000, zst: 1000);
        await AssertKilledRunsResume(d, output => TestData.Yaml(output, "tasks: 3", "none", checkpointRecords: 250)
            .Replace("  - type: test_words_v1\n", "  - type: test_words_v1\n    pause_every: 8\n  - type: dedup_exact_v1\n", StringComparison.Ordinal)
            .Replace("  - type: test_digit_v1\n", "  - type: dedup_minhash_v1\n    ngram: 2\n  - type: test_digit_v1\n  - type: test_words_v1\n    id: words_again\n    pause_every: 8\n", StringComparison.Ordinal));
        Assert.True(File.Exists(d["crash/clusters.jsonl"]));
        Assert.NotEmpty(Directory.GetFiles(d["crash/removed"], "segment01-part-*"));
    }

    private static async Task AssertKilledRunsResume(TempDir d, Func<string, string> yaml)
    {
        var ct = TestContext.Current.CancellationToken;
        new LocalExecutor(2).Run(PipelineRun.Prepare(TestData.Config(d.Path, yaml("ref"))), ct: ct);

        File.WriteAllText(d["crash.yaml"], yaml("crash"));
        var rng = new Random(12345);
        static int ChunkMarkers(string output) =>
            Directory.Exists(output) ? Directory.GetFiles(output, "chunk-*.json", SearchOption.AllDirectories).Length : 0;
        int kills = 0;
        for (int attempt = 0; attempt < 4; attempt++)
        {
            using var child = ChildProcess.Start("run", d["crash.yaml"]);
            // Kill after the child made progress (a new chunk marker) plus a random delay, so kills land
            // mid-chunk, mid-rename or mid-marker rather than during start-up.
            int before = ChunkMarkers(d["crash"]);
            while (!child.HasExited && ChunkMarkers(d["crash"]) <= before) await Task.Delay(20, ct);
            await Task.Delay(rng.Next(0, 300), ct);
            if (child.HasExited) break; // finished first: the rest is checked by the final run
            child.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flushing
            await child.WaitForExitAsync(ct);
            kills++;
        }
        using (var final = ChildProcess.Start("run", d["crash.yaml"]))
        {
            var stdout = await final.StandardOutput.ReadToEndAsync(ct);
            var stderr = await final.StandardError.ReadToEndAsync(ct);
            await final.WaitForExitAsync(ct);
            Assert.True(final.ExitCode == 0, $"final run failed: {stderr}");
            Assert.DoesNotContain("skipped=0 resumed=0", stdout); // killed attempts left work to reuse
        }
        Assert.True(kills >= 1, "no attempt was killed mid-run; the workload is too small for this machine");
        TestData.AssertSameFiles(d["ref"], d["crash"]);
    }
}
