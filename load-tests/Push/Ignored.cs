namespace Queue.LoadTests.Push;

/// <summary>A push or an answer the generator receives but does not look into (a hall snapshot, a line view).</summary>
public sealed record Ignored;
