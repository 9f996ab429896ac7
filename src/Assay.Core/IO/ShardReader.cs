using Assay.Core.Records;

namespace Assay.Core.IO;

/// <summary>
/// Streams the records of one shard (or one byte range of it) in constant memory. Bad lines are
/// an error naming file and line, or go to quarantine verbatim; nothing is dropped silently.
/// </summary>
public static class ShardReader
{
    public static IEnumerable<Record> Read(string path, ReadOptions? options = null, ByteRange? range = null)
    {
        options ??= ReadOptions.Default;
        options.Validate();
        var r = range ?? ByteRange.Whole;
        return ReadCore(path, options, r);
    }

    private static IEnumerable<Record> ReadCore(string path, ReadOptions options, ByteRange range)
    {
        Stream raw;
        try { raw = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (FileNotFoundException) { throw new FileNotFoundException($"{path}: no such file"); }
        if (!range.IsWhole)
        {
            if (ShardFormat.CompressionOf(path) != Compression.None)
                throw new ArgumentException($"{path}: byte ranges apply to uncompressed shards only");
            raw.Seek(range.Start, SeekOrigin.Begin);
        }
        // Counting the lines before a range means reading them: done only when a line must be named.
        var lineBase = new Lazy<long>(() => ByteRangeSplitter.LinesBefore(path, range.Start));
        using var lines = new LineReader(ShardFormat.OpenDecompressed(raw, path), options.MaxLineBytes, range.Start, range.End);
        while (true)
        {
            LineStatus status;
            ReadOnlySpan<byte> line;
            try { status = lines.Next(out line); }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Bad(options, path, lineBase.Value + lines.LineNumber + 1, lines.BytesRead, default,
                    $"corrupt or truncated file after line {lineBase.Value + lines.LineNumber}: {e.Message}");
                yield break; // nothing after a broken compressed block can be trusted
            }
            if (status == LineStatus.End) break;
            if (status == LineStatus.TooLong)
            {
                string error = $"line longer than the limit of {options.MaxLineBytes} bytes";
                long lineNo = lineBase.Value + lines.LineNumber;
                if (options.OnError == OnError.Fail) throw new BadInputException(path, lineNo, error);
                long offset = lines.LineOffset;
                options.Quarantine!.AddStreamed(path, lineNo, offset, s => lines.DrainLongLine(s), error);
                continue;
            }
            Record? record = null;
            string? problem = null;
            try { record = RecordJson.Parse(line, options.RequireText); }
            catch (RecordFormatException e) { problem = e.Message; }
            if (record is not null && options.Check?.Invoke(record) is { } rejected) problem = rejected;
            else if (record is not null && options.Ids is { } ids && ids.Add(record.Id, new IdLocation(path, range.Start, lines.LineNumber)) is { } first)
                problem = $"duplicate id '{Truncate(record.Id)}' (first seen at {first})";
            if (problem is not null)
            {
                Bad(options, path, lineBase.Value + lines.LineNumber, lines.LineOffset, line, problem);
                continue;
            }
            yield return record!;
        }
        if (!lines.SawAnyByte && range.Start == 0)
            Bad(options, path, 0, 0, default, "empty file (a shard holds at least one record)");
    }

    private static void Bad(ReadOptions options, string path, long line, long offset, ReadOnlySpan<byte> raw, string error)
    {
        if (options.OnError == OnError.Fail) throw new BadInputException(path, line, error);
        options.Quarantine!.Add(path, line, offset, raw, error);
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
