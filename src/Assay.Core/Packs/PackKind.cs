namespace Assay.Core.Packs;

/// <summary>A pack becomes a dataset of records, or stays a folder of raw files (model weights, rank files).</summary>
public enum PackKind { Dataset, Asset }
