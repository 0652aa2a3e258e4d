namespace Vwe.Maps.Export;

/// <summary>Checks on the output folder the user gave, made before anything is written.</summary>
public static class OutputPath
{
    /// <summary>The absolute, normalised output folder; throws <see cref="IOException"/> when it cannot become a folder.</summary>
    public static string Check(string outputDirectory)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        string? parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            throw new IOException($"output folder '{outputDirectory}' is a filesystem root; give a folder inside it");
        }

        if (File.Exists(full))
        {
            throw new IOException($"output folder '{outputDirectory}' is an existing file; give a folder path, or move the file away");
        }

        // The nearest existing ancestor must be a folder: a file there would make every step below fail half-way.
        for (string? ancestor = parent; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                throw new IOException(
                    $"output folder '{outputDirectory}' lies under '{ancestor}', which is a file; give a folder path");
            }

            if (Directory.Exists(ancestor))
            {
                break;
            }
        }

        return full;
    }
}
