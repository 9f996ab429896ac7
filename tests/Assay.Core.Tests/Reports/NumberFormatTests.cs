using Assay.Core.Reports;

namespace Assay.Core.Tests.Reports;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(12, "12")]
    [InlineData(999, "999")]
    [InlineData(1234, "1.23k")]
    [InlineData(999_999, "1M")]
    [InlineData(2_500_000, "2.5M")]
    [InlineData(7e9, "7B")]
    [InlineData(1.5e12, "1.5T")]
    [InlineData(-4200, "-4.2k")]
    [InlineData(0.125, "0.125")]
    [InlineData(0.0123456, "0.0123")]
    [InlineData(2e-7, "2e-7")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(-0.0, "0")]
    public void Compact(double value, string expected) => Assert.Equal(expected, NumberFormat.Compact(value));

    [Fact]
    public void Count_uses_invariant_separators() => Assert.Equal("1,234,567", NumberFormat.Count(1_234_567));

    [Theory]
    [InlineData(0.1234, "12.3%")]
    [InlineData(1, "100.0%")]
    [InlineData(-0.00001, "0.0%")]
    public void Percent(double value, string expected) => Assert.Equal(expected, NumberFormat.Percent(value));

    [Fact]
    public void Tick_labels_share_suffix_and_precision()
    {
        Assert.Equal(["0", "2.5k", "5.0k", "7.5k", "10.0k"], NumberFormat.Ticks([0, 2500, 5000, 7500, 10000], 2500));
        Assert.Equal(["0", "0.2", "0.4", "0.6"], NumberFormat.Ticks([0, 0.2, 0.4, 0.6000000000000001], 0.2));
        Assert.Equal(["-10", "0", "10"], NumberFormat.Ticks([-10, 0, 10], 10));
        Assert.Equal(["0", "2M", "4M"], NumberFormat.Ticks([0, 2e6, 4e6], 2e6));
        Assert.Equal(["0", "500", "1,000", "1,500"], NumberFormat.Ticks([0, 500, 1000, 1500], 500));
    }

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // The build uses invariant globalization, so fake a German-style culture by hand.
            var german = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            System.Globalization.CultureInfo.CurrentCulture = german;
            Assert.Equal("1,234", NumberFormat.Count(1234));
            Assert.Equal("1.23k", NumberFormat.Compact(1234));
            Assert.Equal("0.5", NumberFormat.Plain(0.5));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
