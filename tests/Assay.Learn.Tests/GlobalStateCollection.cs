namespace Assay.Learn.Tests;

/// <summary>
/// Tests that change process-wide settings (LearnThreads.Count, which also sets OpenBLAS's thread
/// count) or depend on them staying put between two runs (bitwise determinism) run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class GlobalStateCollection
{
    public const string Name = "Learn global state";
}
