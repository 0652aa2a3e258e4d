using System.Text;
using System.Text.Json;
using Vwe.Protocol.Tests.Support;

namespace Vwe.Protocol.Tests;

public class ProtocolJsonTests
{
    [Fact]
    public void A_ping_request_is_written_as_its_id_and_op_only()
    {
        Assert.Equal("""{"id":1,"op":"ping"}""", Text(ProtocolJson.Serialize(Request.Ping(1))));
    }

    [Fact]
    public void An_error_is_written_with_type_id_code_and_message_only()
    {
        var error = Message.Error(3, ErrorCodes.Busy, "request 2 is running");

        Assert.Equal("""{"type":"error","id":3,"code":"busy","message":"request 2 is running"}""", Text(ProtocolJson.Serialize(error)));
    }

    [Fact]
    public void A_message_without_id_leaves_the_id_out()
    {
        var state = new Message { Type = MessageTypes.State, State = EngineStates.Ready };

        Assert.Equal("""{"type":"state","state":"Ready"}""", Text(ProtocolJson.Serialize(state)));
    }

    [Fact]
    public void Every_request_property_is_written_under_its_camel_case_name_and_read_back()
    {
        var request = Populated.Every<Request>();

        byte[] json = ProtocolJson.Serialize(request);

        Assert.Equal(ExpectedNames<Request>(), NamesIn(json));
        Populated.AssertSame(request, ProtocolJson.DeserializeRequest(json));
    }

    [Fact]
    public void Every_message_property_is_written_under_its_camel_case_name_and_read_back()
    {
        var message = Populated.Every<Message>();

        byte[] json = ProtocolJson.Serialize(message);

        Assert.Equal(ExpectedNames<Message>(), NamesIn(json));
        Populated.AssertSame(message, ProtocolJson.DeserializeMessage(json));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var request = ProtocolJson.DeserializeRequest(
            Frames.Utf8("""{"id":4,"op":"load","future":{"nested":[1,{"id":99}]},"seedInt":5,"alsoNew":"x"}"""));
        var message = ProtocolJson.DeserializeMessage(
            Frames.Utf8("""{"type":"result","id":4,"op":"load","newField":[true],"seedInt":5}"""));

        Assert.Equal((4L, "load", 5), (request.Id, request.Op, request.SeedInt));
        Assert.Equal((4L, "result", 5), (message.Id!.Value, message.Type, message.SeedInt!.Value));
    }

    [Fact]
    public void Base64_and_non_ascii_text_are_written_unescaped_and_control_characters_escaped()
    {
        var message = new Message { Type = MessageTypes.Error, Height = "+/+/", ErrorMessage = "Grüße\n\"x\"" };

        string json = Text(ProtocolJson.Serialize(message));

        Assert.Equal("""{"type":"error","message":"Grüße\n\"x\"","height":"+/+/"}""", json);
    }

    [Theory]
    [InlineData("""{"id":5,"op":"load","seedInt":"12"}""", 5L)]
    [InlineData("""{"id":5,"op":"load","seedInt":2147483648}""", 5L)]
    [InlineData("""{"id":5,"op":"sample","points":[1,"2"]}""", 5L)]
    [InlineData("""{"op":"load","id":1.5}""", null)]
    [InlineData("""{"id":"7","op":"ping"}""", null)]
    public void An_object_with_a_field_of_the_wrong_type_is_a_bad_request_naming_its_id(string frame, long? id)
    {
        var refusal = Assert.Throws<ProtocolException>(() => ProtocolJson.DeserializeRequest(Frames.Utf8(frame)));

        Assert.Equal(ErrorCodes.BadRequest, refusal.Code);
        Assert.Equal(id, refusal.RequestId);
        Assert.Contains(frame[..10], refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op":"ping"}""", null, "no \"id\"")]
    [InlineData("""{"id":0,"op":"ping"}""", null, "no \"id\"")]
    [InlineData("""{"id":-3,"op":"ping"}""", null, "id -3")]
    [InlineData("""{"id":8}""", 8L, "no \"op\"")]
    [InlineData("""{"id":8,"op":""}""", 8L, "no \"op\"")]
    public void A_request_without_id_or_op_is_a_bad_request(string frame, long? id, string reason)
    {
        var refusal = Assert.Throws<ProtocolException>(() => ProtocolJson.DeserializeRequest(Frames.Utf8(frame)));

        Assert.Equal(ErrorCodes.BadRequest, refusal.Code);
        Assert.Equal(id, refusal.RequestId);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":3,"code":"busy"}""", 3L)]
    [InlineData("""{"type":"result","id":3,"count":"many"}""", 3L)]
    [InlineData("""{"type":5}""", null)]
    public void A_message_that_does_not_fit_the_message_shape_is_malformed(string frame, long? id)
    {
        var refusal = Assert.Throws<MalformedFrameException>(() => ProtocolJson.DeserializeMessage(Frames.Utf8(frame)));

        Assert.Equal(ErrorCodes.Malformed, refusal.Code);
        Assert.Equal(id, refusal.RequestId);
    }

    [Fact]
    public void Message_Error_carries_the_code_id_and_text_of_a_protocol_exception()
    {
        var refusal = new FrameTooLargeException("too big", 2_000_000, requestId: 12);

        var error = Message.Error(refusal);

        Assert.Equal((MessageTypes.Error, 12L, ErrorCodes.FrameTooLarge, "too big"), (error.Type, error.Id!.Value, error.Code!, error.ErrorMessage!));
    }

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    private static List<string> NamesIn(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal)];
    }

    /// <summary>camelCase of each property name, except <see cref="Message.ErrorMessage"/>, which the wire calls <c>message</c>.</summary>
    private static List<string> ExpectedNames<T>() =>
        [.. typeof(T).GetProperties()
            .Select(property => property.Name == nameof(Message.ErrorMessage)
                ? "message"
                : char.ToLowerInvariant(property.Name[0]) + property.Name[1..])
            .Order(StringComparer.Ordinal)];
}
