namespace Assay.Curation.Pipeline;

/// <summary>A step's YAML parameters as one line: <c>min_words (integer), ...</c>.</summary>
public static class StepParameters
{
    public static string Describe(Type optionsType) => OptionsBinder.ValidKeys(optionsType);
}
