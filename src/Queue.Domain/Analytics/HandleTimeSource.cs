namespace Queue.Domain.Analytics;

/// <summary>Where a forecast handle time came from, most specific first.</summary>
[GenerateSerializer]
public enum HandleTimeSource
{
    /// <summary>Service samples of this theme in this interval.</summary>
    Interval = 0,

    /// <summary>Too few in the interval: all service samples of the theme.</summary>
    Theme = 1,

    /// <summary>Too few samples at all: the theme's configured expected service time.</summary>
    Expected = 2,
}
