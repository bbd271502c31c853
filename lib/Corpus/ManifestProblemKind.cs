namespace AudioAlchemy.Corpus;

/// <summary>What is wrong with a manifest row (see <see cref="ManifestProblem"/>).</summary>
public enum ManifestProblemKind
{
    /// <summary>A required field (the audio path) is empty or absent.</summary>
    MissingField,
    /// <summary>A value cannot be parsed (e.g. tempo that is not a number), or a path is a remote link.</summary>
    BadValue,
    /// <summary>The audio file does not exist.</summary>
    MissingFile,
    /// <summary>The audio file exists but cannot be decoded.</summary>
    UnreadableFile,
    /// <summary>The id was already used by an earlier row (the earlier row is kept).</summary>
    DuplicateId,
    /// <summary>A label is not in the list of known labels.</summary>
    UnknownLabel,
    /// <summary>A known class has no usable row (reported with row 0).</summary>
    EmptyClass,
    /// <summary>A stem file is missing or unreadable (the mixture stays usable).</summary>
    MissingStem,
    /// <summary>A listen-free stem sanity check failed (silent stem, mixture ≠ vocals + accompaniment...).</summary>
    StemCheck,
    /// <summary>The manifest as a whole cannot be read (reported with row 0).</summary>
    Format,
}
