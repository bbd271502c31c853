namespace AudioAlchemy.Sharding;

/// <summary>What <see cref="TableMerge.Merge"/> wrote.</summary>
/// <param name="Output">The merged table.</param>
/// <param name="Stage">The stage that wrote the parts.</param>
/// <param name="Parts">Number of parts (N).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="InputItems">Items of the whole input.</param>
/// <param name="Skipped">Items the shards skipped, in shard order.</param>
/// <param name="ParametersHash">The parameters hash shared by every part.</param>
public sealed record MergeResult(string Output, string Stage, int Parts, int Rows, int InputItems, IReadOnlyList<PartSkip> Skipped, string ParametersHash);
