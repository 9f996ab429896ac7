namespace Assay.Learn.Training;

/// <summary>
/// Builds training and validation token streams from document texts, each document followed by
/// the tokenizer's end-of-text id: every validationEvery-th document (by position, so the split is
/// reproducible) goes to validation.
/// </summary>
public static class TokenCorpus
{
    public sealed record Split(TokenDataset Train, TokenDataset? Validation, int TrainDocuments, int ValidationDocuments);

    public static Split Build(IEnumerable<string> texts, LmTokenizer tokenizer, int validationEvery = 20)
    {
        var train = new List<int>();
        var val = new List<int>();
        int nTrain = 0, nVal = 0, i = 0;
        foreach (var text in texts)
        {
            bool isVal = validationEvery > 0 && i++ % validationEvery == validationEvery - 1;
            var dst = isVal ? val : train;
            dst.AddRange(tokenizer.Encode(text));
            dst.Add(tokenizer.EndOfText);
            if (isVal) nVal++; else nTrain++;
        }
        return new Split(new TokenDataset([.. train]), val.Count > 0 ? new TokenDataset([.. val]) : null, nTrain, nVal);
    }
}
