namespace Queue.EndToEndTests.Browser;

/// <summary>A kiosk or board just registered: its token and the link that opens it (relative, token included).</summary>
public sealed record RegisteredDevice(string DeviceId, string Token, string Link);
