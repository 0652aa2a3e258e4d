namespace BepInEx.Configuration
{
    /// <summary>BepInEx 5: a plugin's .cfg file.</summary>
    public class ConfigFile
    {
        public ConfigEntry<T> Bind<T>(string section, string key, T defaultValue, string description) => throw Stub.Missing;
    }

    public abstract class ConfigEntryBase
    {
    }

    /// <summary>BepInEx 5: one setting of a .cfg file.</summary>
    public sealed class ConfigEntry<T> : ConfigEntryBase
    {
        public T Value
        {
            get => throw Stub.Missing;
            set => throw Stub.Missing;
        }
    }
}
