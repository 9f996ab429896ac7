namespace Assay.Text.Bpe;

/// <summary>Receives token ids; structs so counting and collecting share one specialised encode loop.</summary>
internal interface ITokenSink
{
    void Add(int token);
}
