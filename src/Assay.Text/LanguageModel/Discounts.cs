namespace Assay.Text.LanguageModel;

/// <summary>
/// Modified Kneser–Ney discounts for counts 1, 2 and 3+ (Chen &amp; Goodman 1998, eq. 26):
/// Y = n1/(n1+2·n2), D1 = 1−2Y·n2/n1, D2 = 2−3Y·n3/n2, D3+ = 3−4Y·n4/n3, where nk is the number
/// of n-grams of that order whose (adjusted) count is k.
/// </summary>
public readonly record struct Discounts(double D1, double D2, double D3Plus)
{
    public double For(long count) => count switch { <= 0 => 0, 1 => D1, 2 => D2, _ => D3Plus };

    /// <summary>Estimates from count-of-counts n1..n4; null when they give a discount outside (0, k] (as lmplz rejects).</summary>
    public static Discounts? Estimate(long n1, long n2, long n3, long n4)
    {
        if (n1 == 0 || n2 == 0 || n3 == 0 || n4 == 0) return null;
        double y = n1 / (n1 + 2.0 * n2);
        var d = new Discounts(1 - 2 * y * n2 / n1, 2 - 3 * y * n3 / n2, 3 - 4 * y * n4 / n3);
        return d.D1 is > 0 and <= 1 && d.D2 is > 0 and <= 2 && d.D3Plus is > 0 and <= 3 ? d : null;
    }
}
