namespace Queue.Contracts.Security;

/// <summary>Register a device; the caller made the token and hands over only its secret's SHA-256.</summary>
[GenerateSerializer, Immutable]
public sealed record RegisterDevice(
    [property: Id(0)] DeviceKind Kind,
    [property: Id(1)] string Name,
    [property: Id(2)] string SecretHash,
    [property: Id(3)] string CreatedBy);
