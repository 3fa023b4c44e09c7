using Queue.Contracts.Events;

namespace Queue.Dashboard.Live;

/// <summary>
/// One delivery of a hall's journal, sequences <see cref="From"/> to <see cref="To"/> inclusive. A group that sees
/// only some events (a zone board, a window) still gets every batch, with only its events in it, so any watcher can
/// tell a gap (<c>From &gt; last + 1</c>) from events that were not for it.
/// </summary>
public sealed record EventBatch(string HallId, long From, long To, IReadOnlyList<HallEvent> Events);
