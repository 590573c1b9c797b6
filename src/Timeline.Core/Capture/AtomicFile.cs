namespace Timeline.Core.Capture;

/// <summary>Writes a file so that it is either the old one or the whole new one, never half of it.</summary>
public static class AtomicFile
{
    /// <summary>Writes the bytes to a temporary file in the same folder, flushes it to disk, then renames it over the path.</summary>
    public static void Write(string path, byte[] bytes) => Write(path, f => f.Write(bytes));

    /// <summary>
    /// What <paramref name="write"/> writes onto the temporary file (text made as it is written, never held whole), then
    /// the file flushed to disk and renamed over the path. Nothing is left behind when it throws.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(dir);
        // Same folder: the rename stays on one file system and so is atomic.
        string temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var f = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(f);
                f.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the first error is the one to report */ }
            throw;
        }
    }

}
