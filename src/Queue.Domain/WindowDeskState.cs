using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.Domain;

[GenerateSerializer]
public sealed class WindowDeskState : EventSourcedState
{
    [Id(0)] public WindowState State { get; set; }

    [Id(1)] public string? StaffId { get; set; }

    [Id(2)] public string? StaffName { get; set; }

    [Id(3)] public string? PauseReason { get; set; }

    /// <summary>The live profile; null until it is set, meaning the hall's configured default.</summary>
    [Id(4)] public WindowProfile? Profile { get; set; }

    [Id(5)] public CurrentTicket? Current { get; set; }

    [Id(6)] public int ConsecutivePriorityCalls { get; set; }

    [Id(7)] public int ServedToday { get; set; }

    [Id(8)] public DateOnly ServedDay { get; set; }

    [Id(9)] public DateTimeOffset Since { get; set; }

    [Id(10)] public long Version { get; set; }

    /// <summary>The profile before a manager applied an SLA move (what "撤销 / Undo" restores); null when there is no move to undo.</summary>
    [Id(11)] public WindowProfile? UndoProfile { get; set; }
}
