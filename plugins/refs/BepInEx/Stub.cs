namespace BepInEx
{
    /// <summary>Every body here throws: this assembly only exists to compile against (plugins/refs).</summary>
    internal static class Stub
    {
        public static System.NotSupportedException Missing =>
            new System.NotSupportedException("reference stub: load the game's own BepInEx.dll, not plugins/refs");
    }
}
