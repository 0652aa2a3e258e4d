using BepInEx.Configuration;
using BepInEx.Logging;
using UnityEngine;

namespace BepInEx
{
    /// <summary>BepInEx 5: the base class of Unity plugins; a MonoBehaviour on BepInEx's manager object.</summary>
    public abstract class BaseUnityPlugin : MonoBehaviour
    {
        protected BaseUnityPlugin() => throw Stub.Missing;

        /// <summary>The plugin's config file, BepInEx/config/&lt;GUID&gt;.cfg.</summary>
        public ConfigFile Config => throw Stub.Missing;

        protected ManualLogSource Logger => throw Stub.Missing;
    }
}
