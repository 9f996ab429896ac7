namespace Assay.Core.Tests;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path_);
    public string Path_ { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "assay-test-" + Guid.NewGuid().ToString("N"));
    public string this[string name] => System.IO.Path.Combine(Path_, name);
    public void Dispose() { try { Directory.Delete(Path_, true); } catch (IOException) { } }
}
