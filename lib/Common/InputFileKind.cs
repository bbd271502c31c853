namespace AudioAlchemy;

/// <summary>What a path names on disk, as <c>stat(2)</c> sees it (symbolic links followed).</summary>
public enum InputFileKind
{
    /// <summary>Nothing exists at the path (or a dangling symbolic link).</summary>
    Missing,
    /// <summary>A regular file: the only kind AudioAlchemy reads as input.</summary>
    Regular,
    /// <summary>A folder.</summary>
    Directory,
    /// <summary>A named pipe: reading it blocks until some other process writes.</summary>
    Fifo,
    /// <summary>A character device such as <c>/dev/zero</c> or a terminal: endless or interactive data.</summary>
    CharacterDevice,
    /// <summary>A block device (a disk).</summary>
    BlockDevice,
    /// <summary>A Unix domain socket.</summary>
    Socket,
    /// <summary>Anything else the platform reports.</summary>
    Other,
}
