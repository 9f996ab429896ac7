namespace Assay.Core.Reports;

/// <summary>
/// The one color palette every chart uses (Tableau 10): distinguishable, print-friendly,
/// and the same series index always gets the same color across a report.
/// </summary>
public static class Palette
{
    private static readonly string[] Colors =
    [
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
    ];

    /// <summary>Number of distinct colors before the palette repeats.</summary>
    public static int Count => Colors.Length;

    /// <summary>Color for series or category <paramref name="index"/> (wraps around).</summary>
    public static string Get(int index) => Colors[((index % Colors.Length) + Colors.Length) % Colors.Length];

    /// <summary>The main color, used by single-series charts.</summary>
    public static string Primary => Colors[0];

    internal const string Text = "#222222";
    internal const string MutedText = "#555555";
    internal const string Grid = "#e3e3e3";
    internal const string Axis = "#888888";
    internal const string Warning = "#c0392b";
}
