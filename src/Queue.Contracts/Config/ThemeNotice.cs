using System.Collections.Immutable;

namespace Queue.Contracts.Config;

/// <summary>
/// 一次性告知: what a citizen needs to know before coming for a theme, in Chinese and English, item for item —
/// the required materials, the fees, the time to complete and notes. Each English list is the Chinese one translated,
/// so both have the same number of items (HallConfigValidator checks that, the lengths and the counts; a list left out
/// of the JSON becomes empty). The lists have no default values: the OpenAPI schema writes defaults out, and an empty
/// ImmutableArray has none to write.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ThemeNotice(
    [property: Id(0)] ImmutableArray<string> Materials,
    [property: Id(1)] ImmutableArray<string> MaterialsEn,
    [property: Id(6)] ImmutableArray<string> Notes,
    [property: Id(7)] ImmutableArray<string> NotesEn,
    [property: Id(2)] string? Fees = null,
    [property: Id(3)] string? FeesEn = null,
    [property: Id(4)] string? TimeToComplete = null,
    [property: Id(5)] string? TimeToCompleteEn = null);
