using System;

namespace BepInEx
{
    /// <summary>BepInEx 5: marks a plugin class with its GUID, name and version.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class BepInPlugin : Attribute
    {
        public BepInPlugin(string GUID, string Name, string Version) => throw Stub.Missing;
    }

    /// <summary>BepInEx 5: another plugin this one needs loaded first.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public class BepInDependency : Attribute
    {
        public BepInDependency(string DependencyGUID, DependencyFlags Flags = DependencyFlags.HardDependency) => throw Stub.Missing;

        [Flags]
        public enum DependencyFlags
        {
            HardDependency = 1,
            SoftDependency = 2,
        }
    }
}
