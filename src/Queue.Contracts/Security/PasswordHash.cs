namespace Queue.Contracts.Security;

/// <summary>A password as stored: PBKDF2-SHA256 with its salt and iteration count (base64). Never the password.</summary>
[GenerateSerializer, Immutable]
public sealed record PasswordHash(
    [property: Id(0)] int Iterations,
    [property: Id(1)] string Salt,
    [property: Id(2)] string Hash);
