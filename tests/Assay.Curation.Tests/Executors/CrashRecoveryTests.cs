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
        var ct = TestContext.Current.CancellationToken;
        using var d = new TempDir();
        TestData.WriteInputs(d.Path, plain: 5000, gz: 2000, zst: 1000);
        string Yaml(string output) => TestData.Yaml(output, "tasks: 3", "none", checkpointRecords: 250)
            .Replace("  - type: test_words_v1\n", "  - type: test_words_v1\n    pause_every: 8\n", StringComparison.Ordinal);
        var reference = TestData.Config(d.Path, Yaml("ref"));
        new LocalExecutor(2).Run(PipelineRun.Prepare(reference), ct: ct);

        File.WriteAllText(d["crash.yaml"], Yaml("crash"));
        var rng = new Random(12345);
        static int ChunkMarkers(string output) =>
            Directory.Exists(Path.Combine(output, ".tasks")) ? Directory.GetFiles(Path.Combine(output, ".tasks"), "chunk-*.json", SearchOption.AllDirectories).Length : 0;
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
