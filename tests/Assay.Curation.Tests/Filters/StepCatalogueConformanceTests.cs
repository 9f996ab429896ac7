using System.Reflection;
using System.Text.RegularExpressions;
using Assay.Curation.Filters.Gopher;
using Assay.Curation.Steps;

namespace Assay.Curation.Tests.Filters;

/// <summary>Every step of this catalogue follows the step contract the pipeline engine relies on.</summary>
public sealed partial class StepCatalogueConformanceTests
{
    public static TheoryData<Type> CatalogueSteps()
    {
        var data = new TheoryData<Type>();
        foreach (var t in typeof(GopherQualityFilter).Assembly.GetTypes()
                     .Where(t => t.GetCustomAttribute<StepNameAttribute>() is not null
                                 && (t.Namespace!.StartsWith("Assay.Curation.Filters", StringComparison.Ordinal)
                                     || t.Namespace!.StartsWith("Assay.Curation.Pii", StringComparison.Ordinal)))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
            data.Add(t);
        return data;
    }

    [GeneratedRegex("^[a-z0-9_]+_v[0-9]+$")]
    private static partial Regex VersionedName();

    [Theory]
    [MemberData(nameof(CatalogueSteps))]
    public void FollowsTheStepContract(Type step)
    {
        var attribute = step.GetCustomAttribute<StepNameAttribute>()!;
        Assert.Matches(VersionedName(), attribute.Name);
        Assert.False(string.IsNullOrWhiteSpace(attribute.Description));
        Assert.True(step.IsSealed && typeof(Step).IsAssignableFrom(step));
        Assert.True(attribute.Options.IsSealed);
        var ctor = step.GetConstructor([attribute.Options]);
        Assert.NotNull(ctor);
        var options = Activator.CreateInstance(attribute.Options)!; // defaults come from the options record itself
        var instance = (Step)ctor.Invoke([options]);
        Assert.NotNull(instance);
    }

    [Fact]
    public void CatalogueIsComplete()
    {
        var names = CatalogueSteps().Select(row => row.Data.GetCustomAttribute<StepNameAttribute>()!.Name).Order().ToArray();
        Assert.Equal(
            ["c4_lines_v1", "c4_quality_v1", "decontaminate_v1", "dedup_exact_v1", "dedup_lines_v1", "dedup_minhash_v1", "dedup_semantic_v1",
             "dedup_substring_v1", "fineweb_quality_v1", "gopher_quality_v1", "gopher_repetition_v1", "langid_v1", "length_v1", "normalize_v1",
             "perplexity_v1", "pii_v1", "quality_classifier_v1", "sample_v1", "url_blocklist_v1", "value_v1", "word_blocklist_v1"],
            names);
    }
}
