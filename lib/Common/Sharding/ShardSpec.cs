using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AudioAlchemy.Sharding;

/// <summary>
/// One shard of a batch run: shard <see cref="Index"/> (0-based, like <c>SLURM_ARRAY_TASK_ID</c> of
/// <c>--array=0-(N-1)</c> and Kubernetes' <c>JOB_COMPLETION_INDEX</c>) of <see cref="Count"/>. An item belongs to the
/// shard <see cref="ShardOf"/> of its id: the first 8 bytes of SHA-256 of the id's UTF-8 bytes, modulo N. The
/// partition depends only on the id and N, never on the manifest's order or on which other rows exist, so the same row
/// always lands in the same shard for a given N, on every machine.
/// </summary>
/// <param name="Index">This shard, 0 ≤ K &lt; N.</param>
/// <param name="Count">Number of shards N ≥ 1.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Environment variable giving N for <c>--shard auto</c> under Kubernetes (an Indexed Job exposes only the index).</summary>
    public const string CountVariable = "ALCHEMY_SHARD_COUNT";

    /// <summary>Throws <see cref="AlchemyException"/> unless 1 ≤ N and 0 ≤ K &lt; N.</summary>
    public ShardSpec Validate()
    {
        if (Count < 1) throw new AlchemyException($"--shard {this}: N must be >= 1");
        if (Index < 0 || Index >= Count)
            throw new AlchemyException($"--shard {this}: K must be 0..{Count - 1} (0-based, as SLURM_ARRAY_TASK_ID of --array=0-{Count - 1})");
        return this;
    }

    /// <summary>"K/N".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>The part file stem of this shard: <c>PART-K-of-N</c>.</summary>
    public string PartName => string.Create(CultureInfo.InvariantCulture, $"PART-{Index}-of-{Count}");

    /// <summary>The shard (0..<paramref name="count"/>-1) of an item id.</summary>
    public static int ShardOf(string id, int count)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (count < 1) throw new AlchemyException($"shard count {count}: must be >= 1");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), hash);
        ulong h = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        return (int)(h % (ulong)count);
    }

    /// <summary>Whether the item with <paramref name="id"/> belongs to this shard.</summary>
    public bool Contains(string id) => ShardOf(id, Count) == Index;

    /// <summary>
    /// Parses <c>K/N</c>, or <c>auto</c> (index and count from the environment, see <see cref="FromEnvironment"/>), or
    /// <c>auto/N</c> (index from the environment, count N).
    /// </summary>
    public static ShardSpec Parse(string text, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string t = (text ?? "").Trim();
        if (t.Equals("auto", StringComparison.OrdinalIgnoreCase)) return FromEnvironment(environment, null);
        int slash = t.IndexOf('/');
        if (slash <= 0 || slash == t.Length - 1)
            throw new AlchemyException($"--shard '{text}': expected K/N (e.g. 0/4), auto or auto/N");
        string k = t[..slash], n = t[(slash + 1)..];
        if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw new AlchemyException($"--shard '{text}': N '{n}' is not a whole number");
        if (k.Equals("auto", StringComparison.OrdinalIgnoreCase)) return FromEnvironment(environment, count);
        if (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            throw new AlchemyException($"--shard '{text}': K '{k}' is not a whole number");
        return new ShardSpec(index, count).Validate();
    }

    /// <summary>
    /// The shard of the current array task. Slurm: K = (<c>SLURM_ARRAY_TASK_ID</c> − <c>SLURM_ARRAY_TASK_MIN</c>) /
    /// <c>SLURM_ARRAY_TASK_STEP</c> and N = <c>SLURM_ARRAY_TASK_COUNT</c> (so <c>--array=1-8</c> works as well as
    /// <c>0-7</c>; lists such as <c>1,3,7</c> are refused). Kubernetes Indexed Job: K = <c>JOB_COMPLETION_INDEX</c> and N =
    /// <paramref name="count"/> or <c>ALCHEMY_SHARD_COUNT</c>. <paramref name="count"/>, when given, must agree with Slurm's.
    /// </summary>
    public static ShardSpec FromEnvironment(Func<string, string?> environment, int? count = null)
    {
        string? taskId = environment("SLURM_ARRAY_TASK_ID");
        if (!string.IsNullOrWhiteSpace(taskId))
        {
            int id = EnvInt(environment, "SLURM_ARRAY_TASK_ID")!.Value;
            int n = EnvInt(environment, "SLURM_ARRAY_TASK_COUNT")
                ?? throw new AlchemyException("--shard auto: SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not");
            int min = EnvInt(environment, "SLURM_ARRAY_TASK_MIN") ?? 0;
            int step = EnvInt(environment, "SLURM_ARRAY_TASK_STEP") ?? 1;
            int? max = EnvInt(environment, "SLURM_ARRAY_TASK_MAX");
            if (step < 1) throw new AlchemyException($"--shard auto: SLURM_ARRAY_TASK_STEP={step} must be >= 1");
            if ((id - min) % step != 0 || (max is { } mx && (mx - min) / step + 1 != n))
                throw new AlchemyException($"--shard auto: the Slurm array (ids {min}..{max?.ToString(CultureInfo.InvariantCulture) ?? "?"} step {step}, " +
                    $"{n} tasks) is not a contiguous range; submit with --array=0-{n - 1}");
            if (count is { } c && c != n)
                throw new AlchemyException($"--shard auto/{c}: the Slurm array has SLURM_ARRAY_TASK_COUNT={n} tasks");
            return new ShardSpec((id - min) / step, n).Validate();
        }
        string? index = environment("JOB_COMPLETION_INDEX");
        if (!string.IsNullOrWhiteSpace(index))
        {
            int k = EnvInt(environment, "JOB_COMPLETION_INDEX")!.Value;
            int n = count ?? EnvInt(environment, CountVariable)
                ?? throw new AlchemyException($"--shard auto: JOB_COMPLETION_INDEX is set but the count is not: give --shard auto/N or set {CountVariable} (= the Job's completions)");
            return new ShardSpec(k, n).Validate();
        }
        throw new AlchemyException("--shard auto: neither SLURM_ARRAY_TASK_ID (Slurm job array) nor JOB_COMPLETION_INDEX (Kubernetes Indexed Job) is set; give --shard K/N");
    }

    private static int? EnvInt(Func<string, string?> environment, string name)
    {
        string? v = environment(name);
        if (string.IsNullOrWhiteSpace(v)) return null;
        return int.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int x)
            ? x : throw new AlchemyException($"--shard auto: {name}='{v}' is not a whole number");
    }
}
