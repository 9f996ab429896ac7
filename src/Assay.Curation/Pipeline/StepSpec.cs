namespace Assay.Curation.Pipeline;

/// <summary>
/// One bound <c>steps</c> entry: the registered type, a unique id (the name counts and removed
/// records carry; defaults to the type), and the options record built from the YAML parameters.
/// </summary>
public sealed record StepSpec(string Id, string Type, Type StepType, object Options, int Line)
{
    public Steps.Step Create() => (Steps.Step)Activator.CreateInstance(StepType, Options)!;
}
