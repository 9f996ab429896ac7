using Assay.Core.Datasets;
using Assay.Curation.Steps;

namespace Assay.Curation.Filters;

/// <summary>Model and dataset paths in step options are relative to the pipeline file; pack:NAME and absolute paths pass through.</summary>
internal static class StepPaths
{
    public static string Resolve(StepContext context, string path) =>
        Path.IsPathRooted(path) || path.StartsWith(DatasetInput.PackPrefix, StringComparison.Ordinal) ? path : Path.Combine(context.BaseDirectory, path);
}
