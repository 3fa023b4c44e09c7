namespace Queue.LoadTests.Engine;

/// <summary>What one step or one iteration answered: ok, or a failure with a short status (an HTTP code, "timeout") and a message.</summary>
public readonly record struct Response(bool IsOk, string Status, string? Message = null)
{
    public static Response Ok(string status = "ok") => new(true, status);

    public static Response Fail(string status, string? message = null) => new(false, status, message);
}
