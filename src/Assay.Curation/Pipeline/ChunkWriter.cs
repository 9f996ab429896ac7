using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Assay.Core.Accounting;
using Assay.Core.IO;
using Assay.Core.Records;

namespace Assay.Curation.Pipeline;

/// <summary>
/// The open outputs of one chunk of one task: kept and removed parts and quarantine, all created on
/// first use (an empty shard is invalid), plus the chunk's counts and samples.
/// </summary>
internal sealed class ChunkWriter : IDisposable
{
    private readonly OutputLayout _layout;
    private readonly int _task;
    private readonly ArrayBufferWriter<byte> _line = new(1 << 16);
    private readonly Utf8JsonWriter _json;
    private ShardWriter? _kept, _removed;
    private QuarantineWriter? _quarantine;
    private readonly ulong _sampleBelow;

    /// <param name="sampleBelow">Records whose id hash is below this give the chunk's signal samples (<see cref="SignalSampling"/>).</param>
    public ChunkWriter(OutputLayout layout, int task, int chunk, IEnumerable<string> stepIds, ulong sampleBelow)
    {
        _layout = layout;
        _task = task;
        _sampleBelow = sampleBelow;
        Chunk = chunk;
        Stats = TaskStats.For(stepIds);
        StepTicks = new long[Stats.Steps.Count];
        _json = RecordJson.CreateWriter(_line);
    }

    public int Chunk { get; }
    public TaskStats Stats { get; }
    public long Lines { get; set; }
    public long Bytes { get; set; }
    /// <summary>Clock ticks per step, summed over the <see cref="TimedRecords"/> records that were timed.</summary>
    public long[] StepTicks { get; }
    public long TimedRecords { get; set; }

    public QuarantineWriter Quarantine() => _quarantine ??= new QuarantineWriter(_layout.Quarantine, OutputLayout.PartName(_task, Chunk));

    public void WriteKept(Record record)
    {
        var bytes = Serialize(record);
        (_kept ??= new ShardWriter(_layout.KeptPart(_task, Chunk, _layout.Compression))).WriteLine(bytes, record.Source);
        if (SignalSampling.Sampled(record.Id, _sampleBelow)) Sample(kept: true);
    }

    public void WriteRemoved(Record record, string step, string reason)
    {
        RemovedRecords.Mark(record, step, reason);
        var bytes = Serialize(record);
        (_removed ??= new ShardWriter(_layout.RemovedPart(_task, Chunk, _layout.Compression))).WriteLine(bytes, record.Source);
        if (SignalSampling.Sampled(record.Id, _sampleBelow)) Sample(kept: false);
        if (ExamplesOf(step, reason) < TaskStats.ExamplesPerReason)
            Stats.Examples.Add(new RemovedExample(step, reason, record.Id, record.Text.Length <= 400 ? record.Text : record.Text[..400] + "…"));
    }

    private int ExamplesOf(string step, string reason)
    {
        int n = 0;
        foreach (var e in Stats.Examples) if (e.Step == step && e.Reason == reason) n++;
        return n;
    }

    private ReadOnlySpan<byte> Serialize(Record record)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        RecordJson.Write(_json, record);
        _json.Flush();
        return _line.WrittenSpan;
    }

    /// <summary>Reads numeric <c>meta.signals.STEP.NAME</c> from the record just serialized.</summary>
    private void Sample(bool kept)
    {
        if (_line.WrittenSpan.IndexOf("\"signals\""u8) < 0) return;
        using var doc = JsonDocument.Parse(_line.WrittenMemory); // parsed in place: the line stays put until the next record
        if (!doc.RootElement.TryGetProperty("meta"u8, out var meta) || meta.ValueKind != JsonValueKind.Object
            || !meta.TryGetProperty("signals"u8, out var signals) || signals.ValueKind != JsonValueKind.Object) return;
        foreach (var step in signals.EnumerateObject())
        {
            if (step.Value.ValueKind != JsonValueKind.Object) continue;
            foreach (var s in step.Value.EnumerateObject())
            {
                if (s.Value.ValueKind != JsonValueKind.Number) continue;
                var key = step.Name + "." + s.Name;
                if (!Stats.Signals.TryGetValue(key, out var sample)) Stats.Signals[key] = sample = new SignalSample();
                double v = s.Value.GetDouble();
                sample.All.Add(v);
                if (kept) sample.Kept.Add(v);
            }
        }
    }

    /// <summary>Completes the parts (rename into place) and returns the chunk marker to write after them.</summary>
    public ChunkMarker Complete(string configHash, int tasks, ReadPosition end)
    {
        // Timed records are a fixed 1-in-k sample of the input, so scaling by input/timed estimates every step alike.
        double scale = TimedRecords == 0 ? 0 : (double)Stats.Input / TimedRecords;
        for (int i = 0; i < Stats.Steps.Count; i++) Stats.Steps[i].Seconds = Stopwatch.GetElapsedTime(0, StepTicks[i]).TotalSeconds * scale;
        var kept = _kept?.Complete();
        var removed = _removed?.Complete();
        string? quarantine = null;
        if (_quarantine is not null)
        {
            Stats.Quarantined = _quarantine.Count;
            quarantine = Path.GetFileName(_quarantine.LinesPath);
            _quarantine.Dispose();
            _quarantine = null;
        }
        return new ChunkMarker
        {
            ConfigHash = configHash, Task = _task, Tasks = tasks, Chunk = Chunk, End = end,
            Kept = kept, Removed = removed, Quarantine = quarantine, Stats = Stats,
        };
    }

    public void Dispose()
    {
        _json.Dispose();
        _kept?.Dispose();
        _removed?.Dispose();
        _quarantine?.Dispose();
    }
}
