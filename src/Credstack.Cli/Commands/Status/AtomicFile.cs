namespace Credstack.Cli.Commands.Status;

/// <summary>
/// Replaces files whole: the bytes go to a temporary file in the same folder, are flushed to disk, and the
/// temporary file is renamed over the target. A crash or a full disk leaves the old file, never half a new one.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes every file or none of the renames happen; an error sentence, or null.</summary>
    public static string? WriteAll(params (string Path, byte[] Bytes)[] files)
    {
        var temporaries = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (path, bytes) in files)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
                var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
                temporaries.Add((temporary, path));
                using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            // Renames are the commit: each is atomic on one file system.
            foreach (var (temporary, target) in temporaries)
            {
                File.Move(temporary, target, overwrite: true);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write {string.Join(", ", files.Select(f => f.Path))}: {e.Message}";
        }
        finally
        {
            foreach (var (temporary, _) in temporaries)
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
