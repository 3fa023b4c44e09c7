using Queue.Contracts.Events;
using Queue.Contracts.Model;

namespace Queue.Domain;

/// <summary>What a command did to a window: the state it left and entered, and the event it journaled, if any.</summary>
public sealed record WindowChange(WindowState From, WindowState To, HallEvent? Event);
