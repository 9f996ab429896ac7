using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Core.Progress;
using Spectre.Console;

namespace Assay.Cli.Infrastructure;

/// <summary>Where a command's output goes: text or JSON on stdout, progress on stderr.</summary>
internal sealed class CliContext(bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public bool Json { get; } = json;

    /// <summary>True when stderr is a terminal: then progress is a live bar, otherwise plain lines.</summary>
    public static bool Interactive => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Prints a result: its JSON form with --json, otherwise the text.</summary>
    public void Result(object jsonValue, string text)
    {
        if (Json) Console.Out.WriteLine(jsonValue is JsonNode n ? n.ToJsonString(JsonOptions) : JsonSerializer.Serialize(jsonValue, JsonOptions));
        else Console.Out.WriteLine(text);
    }

    /// <summary>Informational line for people (stderr, suppressed with --json).</summary>
    public void Info(string line)
    {
        if (!Json) Console.Error.WriteLine(line);
    }

    /// <summary>Runs <paramref name="work"/> with a progress display suited to where stderr goes.</summary>
    public T WithProgress<T>(string title, Func<IProgress<ProgressInfo>, T> work)
    {
        if (Json || !Interactive)
        {
            var plain = new PlainProgress(Json ? null : Console.Error, title);
            var result = work(plain);
            plain.Finish();
            return result;
        }
        T value = default!;
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
            .Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var sink = new SyncProgress(info =>
                {
                    if (!tasks.TryGetValue(info.Stage, out var t))
                        tasks[info.Stage] = t = ctx.AddTask(Markup.Escape($"{title}: {info.Stage}"), maxValue: Math.Max(1, info.Total ?? 1));
                    if (info.Total is long total) { t.MaxValue = Math.Max(1, total); t.Value = info.Done; }
                    else { t.IsIndeterminate = true; t.Description = Markup.Escape($"{title}: {info.Stage} {info.Done:N0} {info.Unit}"); }
                });
                value = work(sink);
                foreach (var t in tasks.Values) { if (t.IsIndeterminate) t.IsIndeterminate = false; t.Value = t.MaxValue; }
            });
        return value;
    }

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<ProgressInfo> report) : IProgress<ProgressInfo>
    {
        private readonly object _gate = new();
        public void Report(ProgressInfo value) { lock (_gate) report(value); }
    }

    /// <summary>One line every few seconds per stage, for logs and CI.</summary>
    private sealed class PlainProgress(TextWriter? writer, string title) : IProgress<ProgressInfo>
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, (DateTime at, ProgressInfo last)> _stages = new(StringComparer.Ordinal);

        public void Report(ProgressInfo v)
        {
            if (writer is null) return;
            lock (_gate)
            {
                var now = DateTime.UtcNow;
                bool first = !_stages.TryGetValue(v.Stage, out var prev);
                _stages[v.Stage] = (first || (now - prev.at).TotalSeconds >= 5 ? now : prev.at, v);
                if (first || (now - prev.at).TotalSeconds >= 5) writer.WriteLine(Format(v));
            }
        }

        public void Finish()
        {
            if (writer is null) return;
            lock (_gate) foreach (var (_, (_, last)) in _stages) writer.WriteLine(Format(last) + " done");
        }

        private string Format(ProgressInfo v) => v.Total is long t && t > 0
            ? $"{title}: {v.Stage} {v.Done:N0}/{t:N0} {v.Unit} ({100.0 * v.Done / t:F0}%)"
            : $"{title}: {v.Stage} {v.Done:N0} {v.Unit}";
    }
}
