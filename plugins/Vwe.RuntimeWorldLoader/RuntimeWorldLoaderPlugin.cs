using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BepInEx;
using BepInEx.Configuration;
using UnityEngine;
using Vwe.DataExporter;
using Vwe.Plugins.Core.Server;

namespace Vwe.RuntimeWorldLoader;

/// <summary>
/// Serves the control protocol (docs/protocol.md) on a TCP port inside the running game server: the pool
/// connects to it like to any engine, loads any seed's world (a fresh game WorldGenerator, no restart) and has it
/// exported or sampled through DataExporter. Its hello is its readiness signal and every job's completion is its
/// protocol answer; the log lines are for people only.
/// </summary>
[BepInPlugin(PluginGuid, "VWE RuntimeWorldLoader", "1.0.0")]
[BepInDependency(DataExporterPlugin.PluginGuid)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Unity owns a MonoBehaviour's lifetime: OnDestroy disposes the server")]
public sealed class RuntimeWorldLoaderPlugin : BaseUnityPlugin
{
    public const string PluginGuid = "vwe.runtimeworldloader";

    private readonly MainThread mainThread = new();
    private EngineServer? server;

    /// <summary>Unity calls it by name when the plugin loads.</summary>
    private void Awake()
    {
        ConfigEntry<int> port = Config.Bind("Control", "Port", 2460, "TCP port of the control protocol");
        ConfigEntry<string> address = Config.Bind(
            "Control", "Address", "127.0.0.1",
            "Address to listen on: 127.0.0.1 on a machine; 0.0.0.0 inside a container whose port is published on the host's 127.0.0.1 only");
        ConfigEntry<int> maxWorlds = Config.Bind("Control", "MaxWorlds", 2, "Worlds kept loaded between jobs (each holds tens of MB of river points)");

        if (!IPAddress.TryParse(address.Value, out IPAddress? ip))
        {
            Logger.LogError($"[Control] Address '{address.Value}' is not an IP address; give 127.0.0.1 (or 0.0.0.0 inside a container). The control port is not served.");
            return;
        }

        var options = new EngineServerOptions
        {
            Address = ip,
            Port = port.Value,
            MaxWorlds = Math.Max(1, maxWorlds.Value),
            EngineName = "vwe-game 1.0.0",
            Log = line => Logger.LogInfo(line),
            ShutdownRequested = () => mainThread.Post(Application.Quit),
        };
        try
        {
            server = new EngineServer(new GameWorldFactory(mainThread), options);
            IPEndPoint endpoint = server.Start();
            Logger.LogInfo("control protocol listening on " + endpoint.ToString());
        }
        catch (SocketException exception)
        {
            Logger.LogError(string.Format(CultureInfo.InvariantCulture, "cannot listen on {0}:{1}: {2}; set another [Control] Port", ip, port.Value, exception.Message));
            server?.Dispose();
            server = null;
        }
    }

    /// <summary>Unity calls it once per frame on the main thread: the game work jobs asked for runs here.</summary>
    private void Update() => mainThread.RunPending();

    private void OnDestroy() => server?.Dispose();
}
