using Queue.Contracts.Events;

namespace Queue.LoadTests.Push;

/// <summary>The product's <c>Events</c> push as a watcher reads it: a hall's events, sequences From to To.</summary>
public sealed record WatchedBatch(string HallId, long From, long To, IReadOnlyList<HallEvent> Events);
