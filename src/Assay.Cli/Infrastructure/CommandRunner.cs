using System.CommandLine;
using Assay.Core.Accounting;
using Assay.Core.Records;

namespace Assay.Cli.Infrastructure;

/// <summary>
/// Runs a command body with the house error policy: expected failures print one line
/// (<c>assay: error: ...</c>) and exit 1; a bug prints its type too (stack with ASSAY_DEBUG=1) and exits 70.
/// </summary>
internal static class CommandRunner
{
    public static void SetHandler(this Command command, Func<ParseResult, CliContext, CancellationToken, int> body) =>
        command.SetAction((parse, ct) => Task.FromResult(Run(parse, body, ct)));

    public static int Run(ParseResult parse, Func<ParseResult, CliContext, CancellationToken, int> body, CancellationToken ct)
    {
        var ctx = new CliContext(parse.GetValue(CommonOptions.Json));
        try
        {
            return body(parse, ctx, ct);
        }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"assay: error: {OneLine(e.Message)}");
            if (Debug) Console.Error.WriteLine(e);
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("assay: cancelled");
            return 130;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"assay: internal error ({e.GetType().Name}): {OneLine(e.Message)}" +
                (Debug ? "" : " (set ASSAY_DEBUG=1 for the stack trace)"));
            if (Debug) Console.Error.WriteLine(e);
            return 70;
        }
    }

    private static bool Debug => Environment.GetEnvironmentVariable("ASSAY_DEBUG") is "1" or "true";

    private static bool IsUserError(Exception e) => e is BadInputException or RecordFormatException or FileNotFoundException
        or DirectoryNotFoundException or ArgumentException or InvalidDataException or AccountingException
        or InvalidOperationException or UnauthorizedAccessException or CliUserException or IOException
        or System.Net.Http.HttpRequestException;

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}

/// <summary>A failure the user can fix; the message says how.</summary>
internal sealed class CliUserException(string message) : Exception(message);
