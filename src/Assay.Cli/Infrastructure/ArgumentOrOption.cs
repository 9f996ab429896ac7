using System.CommandLine;
using System.CommandLine.Parsing;

namespace Assay.Cli.Infrastructure;

/// <summary>
/// A required value a command takes either positionally (<c>assay lm score CHECKPOINT DATASET</c>)
/// or by name (<c>--model DIR --input DATASET</c>): an argument of arity zero-or-one beside an
/// option. Add both <see cref="Argument"/> and <see cref="Option"/> to the command, then read the
/// values with <see cref="Resolve"/>, which fails with a usage error when a value is missing or given twice.
/// </summary>
internal sealed record ArgumentOrOption(Argument<string?> Argument, Option<string?> Option)
{
    /// <param name="argument">Positional name, e.g. DATASET.</param>
    /// <param name="option">Option name, e.g. --data; <paramref name="aliases"/> are its other spellings.</param>
    /// <param name="valueName">Placeholder shown after the option in help, e.g. DIR.</param>
    public static ArgumentOrOption Create(string argument, string option, string valueName, string description, params string[] aliases) => new(
        new Argument<string?>(argument) { Description = $"Same as {option} (the positional spelling)", Arity = ArgumentArity.ZeroOrOne },
        new Option<string?>(option, aliases) { Description = $"{description}; or give it as the positional {argument}", HelpName = valueName });

    /// <summary>
    /// One value per slot, in order. Positional values fill, in order, the slots whose option was not
    /// given, so <c>lm score --model DIR DATASET</c> means what it says.
    /// </summary>
    public static string[] Resolve(ParseResult parse, params ArgumentOrOption[] slots)
    {
        string command = CommandPath(parse);
        var positional = new Queue<string>(slots.Select(s => parse.GetValue(s.Argument)).OfType<string>());
        var values = new string[slots.Length];
        for (int i = 0; i < slots.Length; i++)
        {
            if (parse.GetValue(slots[i].Option) is { } named) values[i] = named;
            else if (positional.TryDequeue(out var p)) values[i] = p;
            else
                throw new CliUserException($"{command}: no {slots[i].Argument.Name}; give {slots[i].Option.Name} {slots[i].Option.HelpName}, " +
                                           $"or use the positional form '{command} {string.Join(' ', slots.Select(s => s.Argument.Name))}'");
        }
        if (positional.Count > 0)
        {
            var named = slots.Where(s => parse.GetValue(s.Option) is not null).ToArray();
            throw new CliUserException($"{command}: {string.Join(", ", positional.Select(v => $"'{v}'"))} and " +
                                       $"{string.Join(", ", named.Select(s => $"{s.Option.Name} '{parse.GetValue(s.Option)}'"))} both give " +
                                       $"{string.Join(", ", named.Select(s => s.Argument.Name))}; give each once, as an argument or as an option");
        }
        return values;
    }

    /// <summary>"lm train": the invoked command's names below the root.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult { Parent: not null } c; r = r.Parent) names.Add(c.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
