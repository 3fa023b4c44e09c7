using Microsoft.Extensions.Options;
using Queue.Hosting;

namespace Queue.Dashboard.Http;

/// <summary>
/// The absolute links Queue hands out (the ticket link in the kiosk's QR code, device links): they start with
/// Queue:Web:PublicBaseUrl when it is set, otherwise with the origin the request came to (behind a proxy listed in
/// Queue:Security:KnownProxies, the scheme it forwarded).
/// </summary>
public sealed class PublicLinks(IOptions<QueueWebOptions> web)
{
    /// <summary>The configured public address without its trailing slash, or null.</summary>
    public string? Configured => web.Value.PublicOrigin;

    public string Origin(HttpRequest request) => Configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary><paramref name="path"/> (starting with '/') made absolute.</summary>
    public string Absolute(HttpRequest request, string path) => Origin(request) + path;

    /// <summary>The citizen's ticket page, its key included: what the kiosk's QR code encodes.</summary>
    public static string TicketPath(string ticketId, string accessKey) =>
        $"/t/{Uri.EscapeDataString(ticketId)}?k={Uri.EscapeDataString(accessKey)}";
}
