namespace UnityEngine
{
    /// <summary>Every body here throws: this assembly only exists to compile against (plugins/refs).</summary>
    internal static class Stub
    {
        public static System.NotSupportedException Missing =>
            new System.NotSupportedException("reference stub: load the game's own UnityEngine.CoreModule.dll, not plugins/refs");
    }

    public class Object
    {
    }

    public class Component : Object
    {
    }

    public class Behaviour : Component
    {
    }

    /// <summary>Unity calls a MonoBehaviour's Awake, Update and OnDestroy by name.</summary>
    public class MonoBehaviour : Behaviour
    {
    }

    public struct Vector3
    {
        public float x;
        public float y;
        public float z;

        public Vector3(float x, float y, float z) => throw Stub.Missing;
    }

    public class Application
    {
        /// <summary>Quits the player; on a Valheim dedicated server the game saves and shuts down on the way out.</summary>
        public static void Quit() => throw Stub.Missing;
    }
}
