using System.Text;

namespace Vwe.Protocol.Tests.Support;

/// <summary>Byte-level helpers for building streams of frames.</summary>
internal static class Frames
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static MemoryStream StreamOf(params byte[][] parts) => new([.. parts.SelectMany(part => part)]);

    public static MemoryStream StreamOf(string text) => new(Utf8(text));

    /// <summary>
    /// A request line of exactly <paramref name="frameBytes"/> bytes (line end not counted): a ping whose unknown
    /// field <c>pad</c> is filled to size.
    /// </summary>
    public static byte[] PaddedPing(long id, int frameBytes)
    {
        string head = $"{{\"id\":{id},\"op\":\"ping\",\"pad\":\"";
        const string Tail = "\"}";
        int padding = frameBytes - head.Length - Tail.Length;
        return Utf8(head + new string('x', padding) + Tail);
    }

    public static async Task<List<Request>> ReadAllRequestsAsync(FrameReader reader)
    {
        var requests = new List<Request>();
        while (await reader.ReadRequestAsync(CancellationToken.None) is { } request)
        {
            requests.Add(request);
        }

        return requests;
    }
}
