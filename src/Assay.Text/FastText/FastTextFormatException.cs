namespace Assay.Text.FastText;

/// <summary>A fastText model file that cannot be read: names the file and says what was expected.</summary>
public sealed class FastTextFormatException(string message) : Exception(message);
