using System.CommandLine;
using Assay.Cli.Infrastructure;
using Assay.Core.Datasets;
using Assay.Core.Records;
using Assay.Learn.Supervised;

namespace Assay.Cli.Commands;

/// <summary><c>assay train classifier</c>: linear or MLP on features + label, with held-out accuracy.</summary>
internal sealed class TrainCommands : ICommandGroup
{
    public IEnumerable<Command> Commands()
    {
        var data = new Option<string>("--data", "-i") { Description = "DATASET whose records carry features and label", Required = true };
        var test = new Option<string?>("--test") { Description = "Held-out DATASET (default: a --holdout share of --data, chosen by a stable hash of the id)" };
        var model = new Option<string>("--model") { Description = "linear (softmax regression) or mlp (one tanh hidden layer)", DefaultValueFactory = _ => "linear" };
        model.AcceptOnlyFromAmong("linear", "mlp");
        var hidden = new Option<int>("--hidden") { Description = "MLP hidden units", DefaultValueFactory = _ => 32 };
        var l2 = new Option<float>("--l2") { Description = "L2 penalty on weights", DefaultValueFactory = _ => 1e-3f };
        var holdout = new Option<double>("--holdout") { Description = "Share of --data held out when no --test is given", DefaultValueFactory = _ => 0.2 };
        var seed = CommonOptions.Seed();
        var classifier = new Command("classifier", "Train a linear or MLP classifier (Assay.Learn, full-batch L-BFGS) on features + label and report held-out accuracy")
            { data, test, model, hidden, l2, holdout, seed };
        classifier.SetHandler((parse, ctx, ct) =>
        {
            var opts = new ReadOptions { RequireText = false };
            var testRecords = parse.GetValue(test) is { } t ? DatasetReader.Read(t, opts).ToList() : null;
            var r = ctx.WithProgress("train classifier", _ => FeatureClassifierTrainer.Train(DatasetReader.Read(parse.GetValue(data)!, opts),
                parse.GetValue(model)!, parse.GetValue(holdout), parse.GetValue(seed), parse.GetValue(hidden), parse.GetValue(l2), testRecords));
            ctx.Result(r, $"{r.Model}: {r.Features} features, {r.Classes.Count} classes, {r.Train:N0} train / {r.HeldOut:N0} held out, {r.Iterations} L-BFGS iterations\n" +
                $"accuracy: train {r.TrainAccuracy:P1}, held out {r.HeldOutAccuracy:P1} (majority class {r.MajorityBaseline:P1})");
            return 0;
        });
        var train = new Command("train", "Train models on a dataset") { classifier };
        yield return train;
    }
}
