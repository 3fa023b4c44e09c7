namespace Queue.Contracts.Security;

/// <summary>A device with the SHA-256 of its token's secret (base64), for a web node to check a token against.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceCredential(
    [property: Id(0)] DeviceView Device,
    [property: Id(1)] string SecretHash);
