using System.ComponentModel.DataAnnotations;

namespace Queue.Hosting;

/// <summary>The web node's settings, section "Queue:Web".</summary>
public sealed class QueueWebOptions : IValidatableObject
{
    public const string Section = "Queue:Web";

    public WebRole Role { get; set; } = WebRole.Silo;

    /// <summary>How long a client web node keeps trying to reach the cluster at start before it gives up (and exits).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The address citizens' phones and the hall's devices reach Queue by (<c>https://queue.example.gov.cn</c>, or
    /// <c>http://192.168.1.20:5080</c>): every link and QR code Queue hands out starts with it — the ticket link on the
    /// kiosk's slip, device links, the links printed on first start. Empty (the default): the address the request
    /// came to, which is <c>localhost</c> on a developer's machine and no use to a phone.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><see cref="PublicBaseUrl"/> without its trailing slash, or null when not set.</summary>
    public string? PublicOrigin => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : PublicBaseUrl.Trim().TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicOrigin is { } origin &&
            !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
              string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)))
        {
            yield return new ValidationResult(
                $"{Section}:PublicBaseUrl '{PublicBaseUrl}' is not an absolute http(s) address without query or fragment (like https://queue.example.gov.cn)",
                [nameof(PublicBaseUrl)]);
        }
    }
}
