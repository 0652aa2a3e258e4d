namespace Vwe.Engines.Processes;

/// <summary>
/// How to start <c>vwe engine</c>: the program and the arguments that come before <c>engine</c>. From a
/// published <c>vwe</c> that is the program itself; under <c>dotnet vwe.dll</c> (dotnet run, tests) it is the
/// dotnet host with the dll.
/// </summary>
public sealed record EngineCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The <c>vwe</c> this process is running.</summary>
    public static EngineCommand CurrentProcess()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown; cannot spawn engines");
        bool isDotnetHost = Path.GetFileNameWithoutExtension(host) == "dotnet";
        string entry = System.Reflection.Assembly.GetEntryAssembly()?.Location ?? "";
        return isDotnetHost ? new EngineCommand(host, [entry]) : new EngineCommand(host, []);
    }

    /// <summary>A <c>vwe.dll</c> run by the dotnet host (tests: the dll copied beside the test assembly).</summary>
    public static EngineCommand Dll(string dllPath) =>
        new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [dllPath]);
}
