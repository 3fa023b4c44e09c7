using System.Net;
using Microsoft.Net.Http.Headers;

namespace Queue.Dashboard.Http;

/// <summary>
/// Errors for a person with a browser: a request that prefers text/html (a typed address, a followed link) and is not
/// for the API or the hub gets a small page, Chinese first with the English line and a link home, instead of
/// ProblemDetails JSON. API clients (Accept: application/json, */* or nothing) still get ProblemDetails. Registered
/// ahead of the default writer, which would otherwise take a browser's */* as consent to JSON.
/// </summary>
public sealed class BrowserProblemWriter : IProblemDetailsWriter
{
    private static readonly string[] ApiPrefixes = ["/api", "/hubs", "/openapi", "/health"];

    public bool CanWrite(ProblemDetailsContext context) => WantsPage(context.HttpContext.Request);

    /// <summary>A GET or HEAD outside the API whose Accept names text/html with no lower quality than anything else.</summary>
    public static bool WantsPage(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) ||
            ApiPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase)) ||
            !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return false;
        }

        var html = accepted.Where(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)).Select(Quality).DefaultIfEmpty(0).Max();
        return html > 0 && html >= accepted.Select(Quality).Max();
    }

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var zh = Text(problem, "messageZh") ?? problem.Title ?? "出错了";
        var en = Text(problem, "messageEn") ?? problem.Detail ?? "Something went wrong";
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var response = context.HttpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(Page(status, zh, en), context.HttpContext.RequestAborted);
    }

    private static double Quality(MediaTypeHeaderValue value) => value.Quality ?? 1;

    private static string? Text(Microsoft.AspNetCore.Mvc.ProblemDetails problem, string key) =>
        problem.Extensions.TryGetValue(key, out var value) && value is string { Length: > 0 } text ? text : null;

    private static string Page(int status, string zh, string en) => $$"""
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{status}} · {{WebUtility.HtmlEncode(zh)}}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
        <style>body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.6;color:#1f2933}
        .status{font-size:3rem;font-weight:700;color:#b42318;margin:0}h1{font-size:1.5rem;margin:.5rem 0}p.en{color:#52606d}a{color:#0b5cad}</style></head>
        <body><main><p class="status">{{status}}</p><h1>{{WebUtility.HtmlEncode(zh)}}</h1>
        <p class="en" lang="en">{{WebUtility.HtmlEncode(en)}}</p>
        <p><a href="/">返回首页</a> · <a href="/" lang="en">Back to the home page</a></p></main></body>
        </html>
        """;
}
