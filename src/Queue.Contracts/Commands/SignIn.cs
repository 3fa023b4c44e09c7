namespace Queue.Contracts.Commands;

/// <summary>Staff sign in to a window, which opens it.</summary>
[GenerateSerializer, Immutable]
public sealed record SignIn(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string StaffName);
