using System;
using System.Reflection;

namespace Vwe.DataExporter;

/// <summary>
/// The private members of the game's WorldGenerator the exporter needs (names and signatures as in
/// plugins/refs/assembly_valheim), found once by reflection. A game whose generator lacks one fails loudly at
/// start-up, naming it, instead of writing wrong files.
/// </summary>
internal static class GameMembers
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary><c>WorldGenerator(World world)</c>: private; the game builds its own through Initialize.</summary>
    public static ConstructorInfo Constructor { get; } =
        typeof(WorldGenerator).GetConstructor(Instance, null, [typeof(World)], null) ?? throw Missing("constructor WorldGenerator(World)");

    /// <summary><c>float GetBaseHeight(float wx, float wy, bool menuTerrain)</c>.</summary>
    public static Func<WorldGenerator, float, float, bool, float> GetBaseHeight { get; } =
        (Func<WorldGenerator, float, float, bool, float>)Delegate.CreateDelegate(
            typeof(Func<WorldGenerator, float, float, bool, float>),
            Method("GetBaseHeight", typeof(float), typeof(float), typeof(bool)));

    /// <summary><c>void GetRiverWeight(float wx, float wy, out float weight, out float width)</c>.</summary>
    public static RiverWeight GetRiverWeight { get; } =
        (RiverWeight)Delegate.CreateDelegate(
            typeof(RiverWeight),
            Method("GetRiverWeight", typeof(float), typeof(float), typeof(float).MakeByRefType(), typeof(float).MakeByRefType()));

    /// <summary><c>m_offset0</c> … <c>m_offset4</c>, <c>m_riverSeed</c>, <c>m_streamSeed</c>: the world's constants, for manifest.json.</summary>
    public static FieldInfo[] Offsets { get; } =
        [Field("m_offset0"), Field("m_offset1"), Field("m_offset2"), Field("m_offset3"), Field("m_offset4")];

    public static FieldInfo RiverSeed { get; } = Field("m_riverSeed");

    public static FieldInfo StreamSeed { get; } = Field("m_streamSeed");

    public delegate void RiverWeight(WorldGenerator generator, float wx, float wy, out float weight, out float width);

    /// <summary>Touches every member, so a missing one is reported when the plugin starts.</summary>
    public static void Check()
    {
        _ = Constructor;
        _ = GetBaseHeight;
        _ = GetRiverWeight;
        _ = Offsets;
        _ = RiverSeed;
        _ = StreamSeed;
    }

    private static MethodInfo Method(string name, params Type[] parameters) =>
        typeof(WorldGenerator).GetMethod(name, Instance, null, parameters, null)
        ?? throw Missing($"method {name}({string.Join(", ", Array.ConvertAll(parameters, type => type.Name))})");

    private static FieldInfo Field(string name) =>
        typeof(WorldGenerator).GetField(name, Instance) ?? throw Missing("field " + name);

    private static MissingMemberException Missing(string member) =>
        new($"the game's WorldGenerator has no {member}; this plugin is built for Valheim 1.0 (worldGenVersion 2). Check the game's version, or update the plugin");
}
