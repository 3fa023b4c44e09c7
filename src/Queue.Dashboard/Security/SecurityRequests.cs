using Queue.Contracts.Security;

namespace Queue.Dashboard.Security;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record LoginResult(string Token, DateTimeOffset ExpiresAt, CallerView Caller);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record DeviceSignInRequest(string? Token);

/// <summary>Who the API sees: kind (Anonymous, Kiosk, Board, Staff, Manager, Administrator), id, name and hall.</summary>
public sealed record CallerView(CallerKind Kind, string Id, string DisplayName, string? HallId)
{
    public static CallerView Of(Caller caller) => new(caller.Kind, caller.Id, caller.DisplayName, caller.HallId);
}

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, Role? Role, string? HallId, string? Password);

public sealed record ResetPasswordRequest(string? Password);

/// <summary>An account just created or reset; <see cref="Password"/> is set only when the server generated it, and shown only now.</summary>
public sealed record AccountCredentialsResult(AccountView Account, string? Password);

public sealed record RegisterDeviceRequest(DeviceKind? Kind, string? Name);
