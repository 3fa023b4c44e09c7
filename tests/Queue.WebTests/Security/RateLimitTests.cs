using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Queue.WebTests.Http;
using SecurityOptions = Queue.Dashboard.Security.SecurityOptions;

namespace Queue.WebTests.Security;

/// <summary>The public endpoints are rate-limited per address (and hall); signed-in people are not.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class RateLimitTests(QueueWebFactory factory)
{
    [Fact]
    public async Task APhoneMayTakeTheMinutesAllowanceOfTicketsInAHallTheNextIsRefusedWith429AndStaffAreNotLimited()
    {
        var limit = factory.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimits.CitizenIssuePerMinute;
        var world = await SecurityWorld.CreateAsync(factory);
        using var phone = factory.CreateAnonymousClient();
        using var staff = world.Client(Callers.Staff);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            using var response = await phone.PostAsJsonAsync($"/api/halls/{world.HallA}/themes/AA/tickets", new { });
            answers.Add(response.StatusCode);
            if (i == limit)
            {
                Assert.Equal("60", response.Headers.RetryAfter?.ToString());
                Assert.Contains("\"code\":\"rate-limited\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        using var inAnotherHall = await phone.PostAsJsonAsync($"/api/halls/{world.HallB}/themes/AA/tickets", new { });
        var staffAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await staff.PostAsJsonAsync($"/api/halls/{world.HallA}/themes/AA/tickets", new { });
            staffAnswers.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, limit), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.Created, inAnotherHall.StatusCode);
        Assert.All(staffAnswers, s => Assert.Equal(HttpStatusCode.Created, s));
    }
}
