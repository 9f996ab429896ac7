using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Core.Hashing;

namespace Assay.Text.Tests.Embeddings;

/// <summary>
/// A local OpenAI-compatible <c>POST /v1/embeddings</c> on 127.0.0.1 (free port): each text's vector
/// is derived from its xxHash64, answered as floats or base64 per <c>encoding_format</c> (the SDK asks for base64).
/// The first <see cref="FailFirst"/> requests get <see cref="FailStatus"/>.
/// </summary>
internal sealed class EmbeddingsStub : IDisposable
{
    public const int Dims = 8;
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private int _seen;

    public EmbeddingsStub()
    {
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try { _listener.Start(); BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"); break; }
            catch (HttpListenerException) when (attempt < 5) { _listener.Close(); }
        }
        _loop = Task.Run(Serve);
    }

    public Uri BaseUrl { get; } = null!;
    public int FailFirst { get; set; }
    public int FailStatus { get; set; } = 503;
    public ConcurrentQueue<(int Batch, string? Auth, string? Format, string Model)> Requests { get; } = new();

    public static float[] VectorFor(string text)
    {
        ulong h = XxHash64.HashString(text);
        return Enumerable.Range(0, Dims).Select(i => (float)((XxHash64.HashUInt64(h, (ulong)i) % 2001) / 1000.0 - 1)).ToArray();
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            try { await Handle(ctx); }
            catch (Exception e) { ctx.Response.StatusCode = 500; await Write(ctx, new JsonObject { ["error"] = e.Message }); }
        }
    }

    private async Task Handle(HttpListenerContext ctx)
    {
        if (ctx.Request.HttpMethod != "POST" || ctx.Request.Url!.AbsolutePath != "/v1/embeddings")
        {
            ctx.Response.StatusCode = 404;
            await Write(ctx, new JsonObject { ["error"] = new JsonObject { ["message"] = "not found" } });
            return;
        }
        var body = (await JsonNode.ParseAsync(ctx.Request.InputStream))!.AsObject();
        var input = body["input"]!;
        var texts = input is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [input.GetValue<string>()];
        var format = body["encoding_format"]?.GetValue<string>();
        Requests.Enqueue((texts.Count, ctx.Request.Headers["Authorization"], format, body["model"]!.GetValue<string>()));
        if (Interlocked.Increment(ref _seen) <= FailFirst)
        {
            ctx.Response.StatusCode = FailStatus;
            await Write(ctx, new JsonObject { ["error"] = new JsonObject { ["message"] = "try again", ["type"] = "server_error" } });
            return;
        }
        var data = new JsonArray();
        for (int i = 0; i < texts.Count; i++)
        {
            var v = VectorFor(texts[i]);
            JsonNode emb = format == "base64" ? Convert.ToBase64String(MemoryMarshal.AsBytes(v.AsSpan())) : new JsonArray(v.Select(x => (JsonNode)x).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = emb });
        }
        int tokens = texts.Sum(t => t.Split(' ').Length);
        await Write(ctx, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    private static async Task Write(HttpListenerContext ctx, JsonObject json)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(json);
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength64 = bytes.Length;
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
