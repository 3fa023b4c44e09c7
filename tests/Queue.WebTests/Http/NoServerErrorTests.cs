namespace Queue.WebTests.Http;

/// <summary>The catch-all over every bad-input matrix: whatever a client sends, the server never answers 5xx.</summary>
[Collection(QueueWebCollection.Name)]
public sealed class NoServerErrorTests(QueueWebFactory web)
{
    [Fact]
    public async Task NoBadInputInAnyMatrixGetsAServerError()
    {
        var api = new QueueApi(web.CreateClient());
        var rows = TicketBadInputTests.Table.Rows.Concat(WindowBadInputTests.Table.Rows).Concat(HallBadInputTests.Table.Rows).ToList();
        var serverErrors = new List<string>();
        foreach (var row in rows)
        {
            using var response = await row.Send(api);
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add($"{row.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Empty(serverErrors);
    }

}
