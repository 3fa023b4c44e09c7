namespace Queue.Contracts.Commands;

/// <summary>好差评: 1 非常不满意 … 5 非常满意, one per ticket.</summary>
[GenerateSerializer, Immutable]
public sealed record RateService(
    [property: Id(0)] int Level,
    [property: Id(1)] string? Comment);
