using System;

namespace Vwe.Plugins.Core.Server;

/// <summary>A job refused or failed for a reason of its own, answered with <see cref="Code"/> (a job error of docs/protocol.md §7).</summary>
internal sealed class JobFailure : Exception
{
    public JobFailure(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public string Code { get; }
}
