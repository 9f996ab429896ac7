using System.Reflection;
using BenchmarkDotNet.Running;

namespace Assay.Bench;

/// <summary>
/// Two kinds of benchmark live here: BenchmarkDotNet micro-benchmarks (any class with
/// [Benchmark] methods), and named side-by-side measurements (IBenchTask) that time Assay
/// against a reference implementation in one run and print the ratio.
/// `dotnet run -c Release --project bench/Assay.Bench -- NAME [args]` runs a named task;
/// anything else goes to BenchmarkSwitcher.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var tasks = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchTask).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
            .Select(t => (IBenchTask)Activator.CreateInstance(t)!)
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        if (args.Length > 0 && tasks.TryGetValue(args[0], out var task))
            return task.Run(args[1..]);
        if (args.Length > 0 && args[0] == "list")
        {
            foreach (var t in tasks.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
                Console.WriteLine($"{t.Name,-28} {t.Description}");
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

/// <summary>A named measurement run from the command line; prints its figures and returns an exit code.</summary>
public interface IBenchTask
{
    string Name { get; }
    string Description { get; }
    int Run(string[] args);
}
