using System.Collections.Concurrent;

namespace Assay.Curation.Steps;

/// <summary>
/// One loaded copy per process of an immutable, thread-safe model file (fastText models), shared by
/// the tasks that run on a machine's workers: each task used to load its own copy (lid.176: decode
/// and ~0.3 CPU-s per task). Keyed by full path, size and write time, so a replaced file is reloaded.
/// </summary>
public static class SharedModels
{
    private static readonly ConcurrentDictionary<(Type, string, long, DateTime), Lazy<object>> Loaded = new();

    public static T Get<T>(string path, Func<string, T> load) where T : class
    {
        var file = new FileInfo(path);
        if (!file.Exists) return load(path); // the loader's own error names the file
        var key = (typeof(T), file.FullName, file.Length, file.LastWriteTimeUtc);
        // Lazy: tasks starting together load once; a failed load is not cached, so the error repeats where it belongs.
        var lazy = Loaded.GetOrAdd(key, k => new Lazy<object>(() => load(k.Item2), LazyThreadSafetyMode.ExecutionAndPublication));
        try { return (T)lazy.Value; }
        catch
        {
            Loaded.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }
}
