using System.Security.Claims;

namespace Queue.Dashboard.Security;

/// <summary>The caller of a request or hub method, read from the claims the authentication handler set.</summary>
public sealed record Caller(CallerKind Kind, string Id, string DisplayName, string? HallId)
{
    public const string KindClaim = "queue:kind";
    public const string HallClaim = "queue:hall";

    public static readonly Caller Anonymous = new(CallerKind.Anonymous, "anonymous", "anonymous", null);

    public bool IsPerson => Kind is CallerKind.Staff or CallerKind.Manager or CallerKind.Administrator;

    public static Caller From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || !Enum.TryParse<CallerKind>(user.FindFirstValue(KindClaim), out var kind))
        {
            return Anonymous;
        }

        return new Caller(kind, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue(ClaimTypes.Name) ?? "", user.FindFirstValue(HallClaim));
    }

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        List<Claim> claims =
        [
            new(KindClaim, Kind.ToString()),
            new(ClaimTypes.NameIdentifier, Id),
            new(ClaimTypes.Name, DisplayName),
            new(ClaimTypes.Role, Kind.ToString()),
        ];
        if (HallId is not null)
        {
            claims.Add(new Claim(HallClaim, HallId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
