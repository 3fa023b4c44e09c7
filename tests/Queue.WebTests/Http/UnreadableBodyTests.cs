using System.Net;
using System.Text.Json;

namespace Queue.WebTests.Http;

/// <summary>An unreadable body is answered in the client's terms (which field), never in the server's (.NET type names).</summary>
[Collection(QueueWebCollection.Name)]
public sealed class UnreadableBodyTests(QueueWebFactory web)
{
    [Fact]
    public async Task AnUndefinedEnumNameIsReportedByItsJsonPathWithoutServerTypeNames()
    {
        var api = new QueueApi(web.CreateClient());
        using var response = await api.PostRaw("/api/halls/binjiang/themes/BDC/tickets", """{"priority":"Vip"}""");
        var body = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("请求内容不是有效的JSON或字段类型不正确（位置 $.priority）", problem.RootElement.GetProperty("messageZh").GetString());
        Assert.Equal("The body is not valid JSON for this request (at $.priority)", problem.RootElement.GetProperty("messageEn").GetString());
        Assert.DoesNotContain("Queue.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenDocumentIsReportedWhereItBreaks()
    {
        var api = new QueueApi(web.CreateClient());
        using var response = await api.PutRaw("/api/halls/unreadable", """{"hallId":"unreadable","zones":[{"zoneId":""");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The body is not valid JSON for this request (at $.zones[0].zoneId)", problem.RootElement.GetProperty("messageEn").GetString());
    }
}
