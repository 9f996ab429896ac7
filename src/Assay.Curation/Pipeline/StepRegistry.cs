using System.Reflection;
using Assay.Curation.Steps;

namespace Assay.Curation.Pipeline;

/// <summary>
/// Every <c>[StepName]</c> step class in the given assemblies (by default Assay.Curation), by name.
/// Discovery by reflection means a new step never touches a shared list.
/// </summary>
public sealed class StepRegistry
{
    private readonly SortedDictionary<string, RegisteredStep> _steps;

    private StepRegistry(SortedDictionary<string, RegisteredStep> steps) => _steps = steps;

    public static StepRegistry Default { get; } = Discover(typeof(StepRegistry).Assembly);

    public static StepRegistry Discover(params Assembly[] assemblies)
    {
        var steps = new SortedDictionary<string, RegisteredStep>(StringComparer.Ordinal);
        foreach (var type in assemblies.Distinct().SelectMany(LoadableTypes))
        {
            if (type.GetCustomAttribute<StepNameAttribute>() is not { } attr) continue;
            if (type.IsAbstract || !typeof(Step).IsAssignableFrom(type))
                throw new InvalidOperationException($"{type.FullName} has [StepName(\"{attr.Name}\")] but is not a concrete Step");
            if (type.GetConstructor([attr.Options]) is null)
                throw new InvalidOperationException($"step {attr.Name} ({type.FullName}) needs a public constructor taking {attr.Options.Name}");
            if (steps.TryGetValue(attr.Name, out var other))
                throw new InvalidOperationException($"step name '{attr.Name}' is registered twice: {other.StepType.FullName} and {type.FullName}");
            steps[attr.Name] = new RegisteredStep(attr.Name, type, attr.Options, attr.Description, KindOf(type));
        }
        return new StepRegistry(steps);
    }

    public IReadOnlyCollection<RegisteredStep> All => _steps.Values;
    public IEnumerable<string> Names => _steps.Keys;

    public bool TryGet(string name, out RegisteredStep step) => _steps.TryGetValue(name, out step!);

    private static string KindOf(Type t) =>
        typeof(FilterStep).IsAssignableFrom(t) ? "filter"
        : typeof(AnnotateStep).IsAssignableFrom(t) ? "annotate"
        : typeof(RewriteStep).IsAssignableFrom(t) ? "rewrite"
        : typeof(BarrierStep).IsAssignableFrom(t) ? "barrier"
        : throw new InvalidOperationException($"{t.FullName} must derive from FilterStep, AnnotateStep, RewriteStep or BarrierStep");

    private static IEnumerable<Type> LoadableTypes(Assembly a)
    {
        try { return a.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.Where(t => t is not null)!; }
    }
}
