using System.Text.Json.Nodes;
using Assay.Learn.Checkpoints;
using Assay.Learn.Gpt;

namespace Assay.Learn.Training;

/// <summary>
/// A resumable training checkpoint: the GPT checkpoint files plus optimizer.safetensors (Adam
/// moments "adam.m", "adam.v" in the parameter layout) and trainer_state.json (step, seed).
/// Written to a temporary folder and renamed, so a crash never leaves a half-written checkpoint.
/// </summary>
internal static class TrainingCheckpoint
{
    public const string OptimizerFile = "optimizer.safetensors";
    public const string StateFile = "trainer_state.json";
    private const int FormatVersion = 1;

    public static void Save(string directory, GptModel model, AdamW adam, int step, int seed, string? tokenizer)
    {
        string tmp = directory.TrimEnd(Path.DirectorySeparatorChar) + ".tmp";
        if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        GptCheckpoint.Save(model, tmp, tokenizer, new Dictionary<string, string> { ["step"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        SafeTensors.Write(Path.Combine(tmp, OptimizerFile),
            [("adam.m", [adam.M.Length], adam.M), ("adam.v", [adam.V.Length], adam.V)],
            new Dictionary<string, string> { ["adam_step"] = adam.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var state = new JsonObject { ["format_version"] = FormatVersion, ["step"] = step, ["seed"] = seed };
        File.WriteAllText(Path.Combine(tmp, StateFile), state.ToJsonString());
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.Move(tmp, directory);
    }

    /// <summary>Loads parameters into model and moments into adam; returns the completed step count.</summary>
    public static int Load(string directory, GptModel model, AdamW adam, int seed, string? tokenizer)
    {
        string statePath = Path.Combine(directory, StateFile);
        var state = JsonNode.Parse(File.ReadAllText(statePath))
            ?? throw new InvalidDataException($"{statePath} is empty.");
        if (state["format_version"]?.GetValue<int>() != FormatVersion)
            throw new InvalidDataException($"{statePath} has format_version {state["format_version"]}, expected {FormatVersion}.");
        int savedSeed = state["seed"]!.GetValue<int>();
        if (savedSeed != seed)
            throw new InvalidOperationException($"{statePath} was written with seed {savedSeed}, this run uses {seed}; resume with the same seed or start a fresh output folder.");
        var saved = GptCheckpoint.Load(directory);
        if (saved.Config != model.Config)
            throw new InvalidOperationException($"{directory} holds a {saved.Config}, but the model being trained is a {model.Config}.");
        if (GptCheckpoint.TokenizerOf(directory) is var savedTokenizer && savedTokenizer != tokenizer)
            throw new InvalidOperationException($"{directory} was trained with tokenizer {savedTokenizer ?? "(none recorded)"}, this run uses {tokenizer ?? "(none)"}.");
        saved.Parameters.CopyTo(model.Parameters, 0);
        var opt = SafeTensors.Read(Path.Combine(directory, OptimizerFile));
        opt["adam.m"].Data.CopyTo(adam.M, 0);
        opt["adam.v"].Data.CopyTo(adam.V, 0);
        adam.Step = int.Parse(opt.Metadata["adam_step"], System.Globalization.CultureInfo.InvariantCulture);
        return state["step"]!.GetValue<int>();
    }
}
