namespace Assay.Core.Accounting;

/// <summary>
/// The counts of a whole run: input, then each step in order. Verifies each step's invariant and
/// the chain (a step's input is the previous step's kept), and that quarantined + read = input lines.
/// </summary>
public sealed class RunAccounting
{
    private readonly List<StepCounts> _steps = [];

    public IReadOnlyList<StepCounts> Steps => _steps;

    /// <summary>Records read and accepted from the input (after quarantine).</summary>
    public long Input { get; set; }
    public long Quarantined { get; set; }

    public StepCounts Step(string name)
    {
        var s = _steps.FirstOrDefault(x => x.Step == name);
        if (s is null) { s = new StepCounts(name); _steps.Add(s); }
        return s;
    }

    public void Merge(RunAccounting other)
    {
        Input += other.Input;
        Quarantined += other.Quarantined;
        foreach (var s in other._steps) Step(s.Step).Merge(s);
    }

    public long FinalKept => _steps.Count == 0 ? Input : _steps[^1].Kept;

    public void Verify()
    {
        long expected = Input;
        foreach (var s in _steps)
        {
            s.Verify();
            if (s.In != expected)
                throw new AccountingException($"step '{s.Step}' received {s.In} records but the step before it kept {expected}");
            expected = s.Kept;
        }
    }
}
