namespace Queue.Contracts.Commands;

/// <summary>
/// 转办: send the window's ticket to another theme and/or to one specific window. The ticket keeps its number
/// and its original issue time, so it does not lose its place.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TransferTicket(
    [property: Id(0)] string? ToTheme,
    [property: Id(1)] int? ToWindow,
    [property: Id(2)] string? Note);
