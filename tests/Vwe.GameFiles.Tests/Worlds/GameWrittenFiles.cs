namespace Vwe.GameFiles.Tests.Worlds;

/// <summary>World metadata bytes the game itself wrote, as published (docs/game-files.md, "Provenance").</summary>
internal static class GameWrittenFiles
{
    /// <summary>
    /// A whole <c>_main.0.fwl2</c> written by Valheim 1.0's new-world dialog for world "Troll", seed text "htsE7kJL5K",
    /// as published in the tests of a public server manager: version 41, never saved, no keys, no players (50 bytes).
    /// </summary>
    public static readonly byte[] Troll = Convert.FromHexString(
        "2e000000" + "29000000" + "05" + "54726f6c6c" + "0a" + "68747345376b4a4c354b" +
        "8efc8ecf" + "d30c0ec6ffffffff" + "02000000" + "00" + "00000000" + "00000000");

    /// <summary>
    /// The first 32 bytes of the real 170-byte <c>hnLycKKCMI.fwl</c> (shared/reference/earlier-system/seed.fwl.analysis.txt):
    /// package length 166, world version 36, name and seed name "hnLycKKCMI", then the first two bytes of the seed.
    /// The other 138 bytes were not published.
    /// </summary>
    public static readonly byte[] HnLycKKCMIFirst32 = Convert.FromHexString(
        "a6000000240000000a686e4c79634b4b434d490a686e4c79634b4b434d49a30a");
}
