using Vwe.Maps.Export;
using Vwe.Protocol;

namespace Vwe.Engines.Work;

/// <summary>
/// Which exceptions of a job are the job's own fault (bad input, an unwritable folder) and their protocol error
/// codes. Anything else is a bug or a broken engine and is not mapped.
/// </summary>
internal static class JobErrors
{
    public static string? Code(Exception exception) => exception switch
    {
        ExportWriteException or IOException or UnauthorizedAccessException => ErrorCodes.Io,
        ArgumentException or NotSupportedException or FormatException => ErrorCodes.BadRequest,
        _ => null,
    };
}
