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
