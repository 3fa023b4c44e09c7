namespace Queue.Dashboard.Security;

/// <summary>Where a browser signs in (/login); the page returns only to a local path.</summary>
public static class SignInPage
{
    public const string Path = "/login";

    /// <summary>A page navigation (not the API, not the hub) whose browser accepts HTML.</summary>
    public static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/hubs") &&
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static string For(HttpRequest request) => $"{Path}?return={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}";
}
