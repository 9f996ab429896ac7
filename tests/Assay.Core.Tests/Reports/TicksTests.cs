using Assay.Core.Reports;
using FsCheck;
using FsCheck.Fluent;

namespace Assay.Core.Tests.Reports;

public sealed class TicksTests
{
    [Theory]
    [InlineData(0, 10, new double[] { 0, 2, 4, 6, 8, 10 })]
    [InlineData(0, 1, new double[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(3, 97, new double[] { 0, 20, 40, 60, 80, 100 })]
    [InlineData(-7, 7, new double[] { -8, -6, -4, -2, 0, 2, 4, 6, 8 })]
    public void Linear_known_ranges(double min, double max, double[] expected)
    {
        var t = Ticks.Linear(min, max, maxTicks: 9);
        Assert.Equal(expected, t.Values);
    }

    [Fact]
    public void Decimal_ticks_are_the_nearest_doubles()
    {
        var t = Ticks.Linear(0.1, 0.7, 8);
        Assert.Contains(0.3, t.Values);
        Assert.Contains(0.7, t.Values);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-3e9)]
    [InlineData(1e-12)]
    public void Single_value_gets_a_window_around_it(double v)
    {
        var t = Ticks.Linear(v, v);
        Assert.InRange(t.Values.Count, 2, 8);
        Assert.True(t.Min < v && t.Max > v);
    }

    [Fact]
    public void Log_ticks_are_powers_of_ten()
    {
        var t = Ticks.Log(3, 45_000);
        Assert.Equal([1, 10, 100, 1000, 10_000, 100_000], t.Values);
        Assert.True(t.IsLog);
        var narrow = Ticks.Log(2, 40);
        Assert.Equal([2, 5, 10, 20, 50], narrow.Values);
        Assert.Equal([1, 2], Ticks.Log(1, 1).Values);
        Assert.Equal([5, 10], Ticks.Log(5, 5).Values);
        Assert.Equal([0.5, 1], Ticks.Log(0.5, 0.5).Values);
        var wide = Ticks.Log(1e-20, 1e20, 8);
        Assert.InRange(wide.Values.Count, 2, 8);
        Assert.True(wide.Min <= 1e-20 && wide.Max >= 1e20);
    }

    [Fact]
    public void Invalid_ranges_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ticks.Linear(double.NaN, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ticks.Log(0, 1));
    }

    private static readonly Gen<(double Min, double Max, int MaxTicks)> Ranges =
        from mantissa in Gen.Choose(-1_000_000, 1_000_000)
        from exponent in Gen.Choose(-9, 9)
        from spanMantissa in Gen.Choose(0, 1_000_000)
        from spanExponent in Gen.Choose(-9, 9)
        from maxTicks in Gen.Choose(3, 12)
        let min = mantissa * Math.Pow(10, exponent) / 1e3
        select (min, min + spanMantissa * Math.Pow(10, spanExponent) / 1e3, maxTicks);

    [Fact]
    public void Linear_ticks_are_monotone_round_and_cover_the_data()
    {
        var property = Prop.ForAll(Ranges.ToArbitrary(), r =>
        {
            var t = Ticks.Linear(r.Min, r.Max, r.MaxTicks);
            var v = t.Values;
            double tolerance = t.Step * 1e-6;
            bool monotone = v.Zip(v.Skip(1), (a, b) => b > a).All(x => x);
            bool covers = v[0] <= r.Min + tolerance && v[^1] >= r.Max - tolerance;
            bool count = v.Count >= 2 && v.Count <= r.MaxTicks;
            double mantissa = t.Step / Math.Pow(10, Math.Floor(Math.Log10(t.Step) + 1e-9));
            bool round = new[] { 1.0, 2.0, 5.0 }.Any(m => Math.Abs(mantissa - m) < 1e-9);
            // Far from zero, x / step is a large number and carries relative rounding error.
            bool onGrid = v.All(x => Math.Abs(x / t.Step - Math.Round(x / t.Step)) < 1e-6 + Math.Abs(x / t.Step) * 1e-12);
            return (monotone && covers && count && round && onGrid)
                .Label($"min={r.Min:R} max={r.Max:R} maxTicks={r.MaxTicks} ticks=[{string.Join(", ", v)}]");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    [Fact]
    public void Linear_ticks_use_at_least_a_third_of_the_allowed_count_for_wide_ranges()
    {
        // Catch a step that is far too coarse: with a 1-2-5 ladder the next smaller step
        // is at most 2.5× smaller, so the chosen count cannot be tiny.
        var property = Prop.ForAll(Ranges.ToArbitrary(), r =>
        {
            var t = Ticks.Linear(r.Min, r.Max, r.MaxTicks);
            return (t.Values.Count >= Math.Min(3, r.MaxTicks / 3 + 1)).Label($"{r} → {t.Values.Count}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Log_ticks_are_monotone_and_cover_the_data()
    {
        var gen =
            from e1 in Gen.Choose(-30, 30)
            from e2 in Gen.Choose(0, 40)
            from m1 in Gen.Choose(1, 999)
            from m2 in Gen.Choose(1, 999)
            select (Min: m1 * Math.Pow(10, e1), Max: m1 * Math.Pow(10, e1) + m2 * Math.Pow(10, e1 + e2));
        var property = Prop.ForAll(gen.ToArbitrary(), r =>
        {
            var t = Ticks.Log(r.Min, r.Max);
            var v = t.Values;
            bool monotone = v.Zip(v.Skip(1), (a, b) => b > a).All(x => x);
            bool covers = v[0] <= r.Min * (1 + 1e-9) && v[^1] >= r.Max * (1 - 1e-9);
            return (monotone && covers && v.Count >= 2 && v.Count <= 8).Label($"{r} → [{string.Join(", ", v)}]");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }
}
