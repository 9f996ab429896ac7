namespace Assay.Curation.Pii;

/// <summary>The Luhn (mod 10) check digit test of ISO/IEC 7812 card numbers.</summary>
public static class Luhn
{
    /// <summary>True when the digits (separators ignored) pass the Luhn check.</summary>
    public static bool IsValid(ReadOnlySpan<char> number)
    {
        int sum = 0, digits = 0;
        for (int i = number.Length - 1; i >= 0; i--)
        {
            char c = number[i];
            if (!char.IsAsciiDigit(c)) continue;
            int d = c - '0';
            if ((digits & 1) == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            digits++;
        }
        return digits > 0 && sum % 10 == 0;
    }
}
