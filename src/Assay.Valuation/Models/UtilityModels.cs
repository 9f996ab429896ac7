namespace Assay.Valuation.Models;

/// <summary>Registered utility-model names for the CLI's --model.</summary>
public static class UtilityModels
{
    public static IReadOnlyList<string> Names { get; } = ["logreg", "learn-softmax", "learn-mlp", "knn", "tree"];

    public static IUtilityModel Create(string name, int k = 10) => name switch
    {
        "logreg" => new LogisticRegressionModel(),
        "learn-softmax" => LearnClassifierUtilityModel.Softmax(),
        "learn-mlp" => LearnClassifierUtilityModel.Mlp(),
        "knn" => new KnnUtilityModel(k),
        "tree" => new DecisionTreeModel(),
        _ => throw new ArgumentException($"unknown utility model '{name}'; valid: {string.Join(", ", Names)}", nameof(name)),
    };
}
