using System.Text;

namespace AudioAlchemy;

/// <summary>
/// Whole-file writes that readers never see half-done: the data goes to a temporary sibling file (same folder, so the
/// rename cannot cross file systems), which is renamed over the target only when complete; on failure the temp file
/// is deleted and the target is untouched. Folders are created as needed.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, tmp => File.WriteAllText(tmp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, tmp => File.WriteAllBytes(tmp, bytes));

    /// <summary>Longest prefix of the target's name kept in its temp name, in UTF-8 bytes.</summary>
    private const int TempNameBytes = 100;

    /// <summary>
    /// A unique temporary sibling of <paramref name="path"/>: ".&lt;name&gt;.&lt;32 hex&gt;.tmp" with the name cut to
    /// 100 UTF-8 bytes, so any target name the file system accepts (255 bytes) also gets a valid temp name.
    /// </summary>
    public static string TempPathFor(string path)
    {
        string full = Path.GetFullPath(path);
        string name = Path.GetFileName(full);
        if (Encoding.UTF8.GetByteCount(name) > TempNameBytes)
        {
            var cut = new StringBuilder();
            foreach (var rune in name.EnumerateRunes())
            {
                if (Encoding.UTF8.GetByteCount(cut.ToString() + rune) > TempNameBytes) break;
                cut.Append(rune.ToString());
            }
            name = cut.ToString();
        }
        return Path.Combine(Path.GetDirectoryName(full)!, $".{name}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Calls <paramref name="writeTemp"/> with a temporary path to fill, then renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<string> writeTemp)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string tmp = TempPathFor(full);
        try
        {
            writeTemp(tmp);
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
