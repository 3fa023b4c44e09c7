using System.Collections.Immutable;

namespace Queue.Contracts.Model;

/// <summary>The themes a window serves, in order of preference (empty for a comprehensive window: all themes).</summary>
[GenerateSerializer, Immutable]
public sealed record WindowProfile(
    [property: Id(0)] WindowProfileKind Kind,
    [property: Id(1)] ImmutableArray<string> Themes)
{
    public static WindowProfile Comprehensive { get; } = new(WindowProfileKind.Comprehensive, []);

    public static WindowProfile Dedicated(string theme) => new(WindowProfileKind.Dedicated, [theme]);

    /// <summary>The themes this profile serves, in preference order, given all themes of the hall.</summary>
    public ImmutableArray<string> Resolve(IEnumerable<string> hallThemes) =>
        Kind == WindowProfileKind.Comprehensive ? [.. hallThemes] : Themes.IsDefault ? [] : Themes;

    public bool Serves(string themeCode) =>
        Kind == WindowProfileKind.Comprehensive || (!Themes.IsDefault && Themes.Contains(themeCode));
}
