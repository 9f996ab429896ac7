using Assay.Cli.Infrastructure;

return await CliApp.Build().Parse(args).InvokeAsync();
