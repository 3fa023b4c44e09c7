namespace Queue.LoadTests.Push;

/// <summary>When (Stopwatch timestamps) the boards and the phone received one call, and how many of each were expected.</summary>
public sealed record CallReceipts(IReadOnlyList<long> Boards, int BoardsExpected, IReadOnlyList<long> Phones, int PhonesExpected);
