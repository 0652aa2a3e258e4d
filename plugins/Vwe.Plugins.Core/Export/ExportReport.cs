using System;
using System.Collections.Generic;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Export;

/// <summary>What an export wrote: the world key, the final folder, every file in it (sorted by name) and the time it took.</summary>
public sealed class ExportReport
{
    public ExportReport(string worldKey, string outputDirectory, IReadOnlyList<FileEntry> files, TimeSpan duration)
    {
        WorldKey = worldKey;
        OutputDirectory = outputDirectory;
        Files = files;
        Duration = duration;
    }

    public string WorldKey { get; }

    public string OutputDirectory { get; }

    public IReadOnlyList<FileEntry> Files { get; }

    /// <summary>Sampling, writing and hashing (loading not included).</summary>
    public TimeSpan Duration { get; }
}
