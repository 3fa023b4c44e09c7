using Queue.Contracts.Model;

namespace Queue.Contracts.Cases;

/// <summary>
/// A filter of a hall's cases (every null is "any"): kind, status, only the open ones past their deadline, theme, window,
/// staff, opened on a local date in [From, To]; then a page of <see cref="Limit"/> from <see cref="Offset"/>, newest first.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseQuery(
    [property: Id(0)] CaseKind? Kind = null,
    [property: Id(1)] CaseStatus? Status = null,
    [property: Id(2)] bool? Overdue = null,
    [property: Id(3)] string? ThemeCode = null,
    [property: Id(4)] int? WindowNo = null,
    [property: Id(5)] string? StaffId = null,
    [property: Id(6)] DateOnly? From = null,
    [property: Id(7)] DateOnly? To = null,
    [property: Id(8)] int Offset = 0,
    [property: Id(9)] int Limit = 50);
