namespace BepInEx.Logging
{
    /// <summary>BepInEx 5: a named log source (a plugin's Logger).</summary>
    public class ManualLogSource
    {
        public void LogInfo(object data) => throw Stub.Missing;

        public void LogWarning(object data) => throw Stub.Missing;

        public void LogError(object data) => throw Stub.Missing;
    }
}
