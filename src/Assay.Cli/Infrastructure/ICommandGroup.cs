using System.CommandLine;

namespace Assay.Cli.Infrastructure;

/// <summary>
/// A file of related commands. Every implementation in this assembly is found by reflection and
/// its commands added to the root, so adding a command never touches a shared list.
/// </summary>
internal interface ICommandGroup
{
    IEnumerable<Command> Commands();
}
