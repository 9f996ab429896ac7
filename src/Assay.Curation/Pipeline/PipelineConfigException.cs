namespace Assay.Curation.Pipeline;

/// <summary>A pipeline file the user must fix; the message names the file, line and column.</summary>
public sealed class PipelineConfigException(string message) : ArgumentException(message)
{
    public static PipelineConfigException At(string file, YamlDotNet.Core.Mark mark, string message) =>
        new($"{file}:{mark.Line}:{mark.Column}: {message}");
}
