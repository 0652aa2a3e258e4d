namespace Vwe.Engines.Processes;

/// <summary>
/// How to start <c>vwe engine</c>: the program and the arguments that come before <c>engine</c>. From a
/// published or built <c>vwe</c> that is the program itself; otherwise (dotnet run, a test host) the dotnet host
/// with <c>vwe.dll</c>.
/// </summary>
public sealed record EngineCommand(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>The <c>vwe</c> whose assembly is at <paramref name="dllPath"/>: its native launcher when that is what runs now, else the dll on the dotnet host.</summary>
    public static EngineCommand ForAssembly(string dllPath)
    {
        string? running = Environment.ProcessPath;
        if (running is not null && Path.GetFileNameWithoutExtension(running) == Path.GetFileNameWithoutExtension(dllPath))
        {
            return new EngineCommand(running, []);
        }

        return Dll(dllPath);
    }

    /// <summary>A <c>vwe.dll</c> run by the dotnet host: this process's if it is one, else the SDK's (DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static EngineCommand Dll(string dllPath)
    {
        string? running = Environment.ProcessPath;
        string host = running is not null && Path.GetFileNameWithoutExtension(running) == "dotnet"
            ? running
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new EngineCommand(host, [dllPath]);
    }
}
