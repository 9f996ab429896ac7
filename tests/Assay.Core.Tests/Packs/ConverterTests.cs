using Assay.Core.Packs;
using Assay.Core.Packs.Converters;

namespace Assay.Core.Tests.Packs;

public sealed class ConverterTests
{
    [Fact]
    public void BrownTextIsRebuiltFromTaggedTokens()
    {
        const string tagged = "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, (/( which/wdt )/) ./.\n\n\tIt/pps ended/vbd ./.\n";
        Assert.Equal("The jury said \u201Cno evidence\u201D, (which).\n\nIt ended.", BrownConverter.Rebuild(tagged));
    }

    [Fact]
    public void UdhrTextComesFromBlocksWithEntitiesDecoded()
    {
        const string html = "<html lang=\"en\"><head><title>English</title></head><body><h1>Declaration</h1><p>Free &amp; equal <b>in</b>\n dignity.</p><ol><li>One</li></ol></body></html>";
        Assert.Equal("Declaration\nFree & equal in dignity.\nOne", UdhrConverter.ExtractText(html));
    }

    [Fact]
    public void VegaTablesDropIncompleteRowsZScoreFeaturesAndCheckTheDroppedCount()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir["data"]);
        File.WriteAllText(dir["data/t.json"], """
            [{"Kind": "a", "X": 1, "Y": "1970-01-01"}, {"Kind": "b", "X": 3, "Y": "1972-01-01"},
             {"Kind": "a", "X": null, "Y": "1971-01-01"}, {"Kind": null, "X": 2, "Y": "1971-01-01"}]
            """);
        using (var w = new Assay.Core.Datasets.DatasetWriter(dir["out"]))
        {
            new VegaTableConverter("t.json", "t", "Kind", ["X", "Y"], expectedDropped: 2, dateColumn: "Y").Convert(dir.Path_, w, null);
            w.Complete("t");
        }
        var rows = Assay.Core.Datasets.DatasetReader.Read(dir["out"], new Assay.Core.Records.ReadOptions { RequireText = false }).ToList();
        Assert.Equal(["t-0000", "t-0001"], rows.Select(r => r.Id));
        Assert.Equal([-1f, -1f], rows[0].Features!); // (1 − 2) / 1 and (1970 − 1971) / 1
        Assert.Equal("b", rows[1].Label.Key);
        Assert.Equal(3, (int)rows[1].Meta["X"]!);
        using var w2 = new Assay.Core.Datasets.DatasetWriter(dir["out2"]);
        var e = Assert.Throws<InvalidDataException>(() =>
            new VegaTableConverter("t.json", "t", "Kind", ["X"], expectedDropped: 0).Convert(dir.Path_, w2, null));
        Assert.Contains("expected 0", e.Message);
    }

    [Fact]
    public void IntegrityMismatchIsRejected()
    {
        using var dir = new TempDir();
        var f = dir["x.tgz"];
        File.WriteAllText(f, "hello");
        NpmFetcher.Verify(f, "sha512-" + Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData("hello"u8)));
        Assert.Throws<InvalidDataException>(() => NpmFetcher.Verify(f, "sha512-AAAA"));
    }

    [Fact]
    public void CatalogNamesAreUniqueAndUnknownNameListsKnownOnes()
    {
        Assert.Equal(PackCatalog.All.Count, PackCatalog.All.Select(p => p.Name).Distinct().Count());
        Assert.Contains("sotu", Assert.Throws<ArgumentException>(() => PackCatalog.Get("nope")).Message);
    }
}
