using BepInEx;

namespace Vwe.DataExporter;

/// <summary>
/// The game side of exports: <see cref="GameWorlds"/> makes fresh game generators and <see cref="GameWorld"/>
/// answers the library's questions through the game's own API; the library (Vwe.Plugins.Core) samples our grid
/// and writes grid.bin, layers and manifest.json. It serves nothing itself: RuntimeWorldLoader runs the control
/// protocol and hands it the worlds; an export is complete when its protocol answer says so.
/// </summary>
[BepInPlugin(PluginGuid, "VWE DataExporter", "1.0.0")]
public sealed class DataExporterPlugin : BaseUnityPlugin
{
    public const string PluginGuid = "vwe.dataexporter";

    /// <summary>Unity calls it by name when the plugin loads.</summary>
    private void Awake()
    {
        try
        {
            GameMembers.Check();
            Logger.LogInfo("the game's WorldGenerator has every member the exporter needs");
        }
        catch (System.TypeInitializationException exception)
        {
            // GameMembers looks its members up once, in its static initialiser.
            Logger.LogError(exception.InnerException?.Message ?? exception.Message);
        }
    }
}
