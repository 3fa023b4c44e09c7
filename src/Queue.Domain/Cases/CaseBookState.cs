using Queue.Contracts.Cases;

namespace Queue.Domain.Cases;

/// <summary>
/// A hall's persisted case book: the cases, the journal sequence up to which cases were opened (saved in the same write as
/// the cases it opened, so a crash can neither lose nor double one), and the keys (ticket id + kind) already opened.
/// </summary>
[GenerateSerializer]
public sealed class CaseBookState : EventSourcedState
{
    [Id(0)] public long Cursor { get; set; }

    [Id(1)] public int LastNumber { get; set; }

    [Id(2)] public List<CaseRecord> Cases { get; set; } = [];

    [Id(3)] public HashSet<string> Opened { get; set; } = [];

    [Id(4)] public CaseSettings Settings { get; set; } = new();
}
