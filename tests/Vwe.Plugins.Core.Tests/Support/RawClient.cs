using System.Net;
using System.Net.Sockets;
using System.Text;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Tests.Support;

/// <summary>
/// A client spoken by hand over TCP: requests written as frames (or raw lines), every frame the engine sends read
/// in order and kept in <see cref="Seen"/>, each read bounded by a deadline.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    private readonly TcpClient client;
    private readonly NetworkStream stream;
    private readonly FrameReader reader;
    private readonly FrameWriter writer;

    private RawClient(TcpClient client)
    {
        this.client = client;
        stream = client.GetStream();
        reader = new FrameReader(stream);
        writer = new FrameWriter(stream);
    }

    /// <summary>Every frame read so far, in order.</summary>
    public List<Message> Seen { get; } = [];

    /// <summary>Connects and reads the engine's first frame, which must be its hello.</summary>
    public static async Task<(RawClient Client, Message Hello)> ConnectAsync(IPEndPoint endpoint)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(endpoint).WaitAsync(Patience.Long);
        var raw = new RawClient(client);
        Message hello = await raw.NextAsync() ?? throw new InvalidOperationException("the engine closed the connection before its hello");
        return (raw, hello);
    }

    public Task SendAsync(Request request) => writer.WriteAsync(request, CancellationToken.None);

    /// <summary>Writes <paramref name="line"/> and a line end as they are, however broken.</summary>
    public async Task SendLineAsync(string line)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        await stream.FlushAsync();
    }

    /// <summary>The next frame, or null when the engine closed the connection.</summary>
    public async Task<Message?> NextAsync()
    {
        Message? message = await reader.ReadMessageAsync(CancellationToken.None).WaitAsync(Patience.Long);
        if (message is not null)
        {
            Seen.Add(message);
        }

        return message;
    }

    /// <summary>Reads until the final frame (result or error) of request <paramref name="id"/>.</summary>
    public async Task<Message> AnswerAsync(long id)
    {
        while (await NextAsync() is { } message)
        {
            if (message.Id == id && message.Type is MessageTypes.Result or MessageTypes.Error)
            {
                return message;
            }
        }

        throw new InvalidOperationException($"the connection closed before the answer to request {id}");
    }

    /// <summary>Sends <paramref name="request"/> and reads its answer.</summary>
    public async Task<Message> AskAsync(Request request)
    {
        await SendAsync(request);
        return await AnswerAsync(request.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        client.Dispose();
    }
}
