using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Vwe.Engines.Tests.Support;

namespace Vwe.Engines.Tests.Hosting;

/// <summary>
/// <c>vwe engine --listen</c>: the same protocol over TCP on loopback (for containers and the game), one
/// connection at a time, a fresh hello on each, and a shutdown that ends the process.
/// </summary>
public class EngineHostTcpTests
{
    [Fact]
    public async Task A_listening_engine_says_hello_answers_a_ping_and_exits_0_on_shutdown()
    {
        await using var engine = RawEngine.Start("--listen", "127.0.0.1:0");
        IPEndPoint endpoint = await ListeningOnAsync(engine);
        Assert.Equal(IPAddress.Loopback, endpoint.Address);
        Assert.NotEqual(0, endpoint.Port);

        await using (var connection = await Connection.OpenAsync(endpoint))
        {
            JsonElement hello = await connection.ReadAsync();
            Assert.Equal(("hello", 1), (hello.GetProperty("type").GetString(), hello.GetProperty("protocol").GetInt32()));
            Assert.Equal(engine.ProcessId, hello.GetProperty("pid").GetInt32());
            Assert.Equal("container", hello.GetProperty("kind").GetString());

            await connection.SendAsync("""{"id":1,"op":"ping"}""");
            JsonElement pong = await connection.ReadAsync();
            Assert.Equal(("result", 1L, "Ready"), (pong.GetProperty("type").GetString(), pong.GetProperty("id").GetInt64(), pong.GetProperty("state").GetString()));

            await connection.SendAsync("""{"id":2,"op":"shutdown"}""");
            JsonElement stopped = await connection.ReadAsync();
            Assert.Equal(("result", 2L, "Stopped"), (stopped.GetProperty("type").GetString(), stopped.GetProperty("id").GetInt64(), stopped.GetProperty("state").GetString()));
        }

        Assert.Equal(0, await engine.ExitCodeAsync(TestEngines.Patience));
    }

    [Fact]
    public async Task A_closed_connection_leaves_the_engine_serving_the_next_one_with_a_new_hello()
    {
        await using var engine = RawEngine.Start("--listen", "127.0.0.1:0");
        IPEndPoint endpoint = await ListeningOnAsync(engine);

        await using (var first = await Connection.OpenAsync(endpoint))
        {
            await first.ReadAsync();
        }

        await using var second = await Connection.OpenAsync(endpoint);
        JsonElement hello = await second.ReadAsync();
        await second.SendAsync("""{"id":1,"op":"ping"}""");
        JsonElement pong = await second.ReadAsync();

        Assert.Equal("hello", hello.GetProperty("type").GetString());
        Assert.Equal(("result", 1L), (pong.GetProperty("type").GetString(), pong.GetProperty("id").GetInt64()));
        Assert.False(engine.HasExited);
    }

    /// <summary>Reads the port from the engine's stderr line <c>vwe engine: listening on 127.0.0.1:PORT</c>.</summary>
    private static async Task<IPEndPoint> ListeningOnAsync(RawEngine engine)
    {
        const string Marker = "listening on ";
        string line = await engine.StderrLineAsync(Marker);
        string address = line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Trim();
        return IPEndPoint.Parse(address);
    }

    /// <summary>One TCP client connection, with line reads bounded by <see cref="TestEngines.Patience"/>.</summary>
    private sealed class Connection : IAsyncDisposable
    {
        private readonly TcpClient client;
        private readonly StreamReader reader;
        private readonly NetworkStream stream;

        private Connection(TcpClient client)
        {
            this.client = client;
            stream = client.GetStream();
            reader = new StreamReader(stream, new UTF8Encoding(false));
        }

        public static async Task<Connection> OpenAsync(IPEndPoint endpoint)
        {
            var client = new TcpClient();
            await client.ConnectAsync(endpoint).WaitAsync(TestEngines.Patience);
            return new Connection(client);
        }

        public async Task SendAsync(string line)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
            await stream.FlushAsync();
        }

        public async Task<JsonElement> ReadAsync()
        {
            string line = await reader.ReadLineAsync().WaitAsync(TestEngines.Patience)
                ?? throw new EndOfStreamException("the engine closed the connection");
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }

        public async ValueTask DisposeAsync()
        {
            reader.Dispose();
            await stream.DisposeAsync();
            client.Dispose();
        }
    }
}
