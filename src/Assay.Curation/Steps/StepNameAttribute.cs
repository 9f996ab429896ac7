namespace Assay.Curation.Steps;

/// <summary>
/// The registered, versioned name of a step (Dolma's habit: <c>gopher_quality_v1</c> never changes
/// meaning; better behaviour is a new version). <paramref name="options"/> is the immutable options
/// record bound from the step's YAML parameters and passed to the step's constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class StepNameAttribute(string name, Type options) : Attribute
{
    public string Name { get; } = name;
    public Type Options { get; } = options;
    /// <summary>One line for `assay steps` and error messages.</summary>
    public string Description { get; init; } = "";
}
