namespace Queue.Contracts.Model;

/// <summary>
/// How a refused command maps to HTTP: 404, 409 (wrong state now), 422 (a rule forbids it), 401 (who are you?), 403 (not yours)
/// or 429 (not so often); 503 and 500 for the web tier's own answers when the cluster cannot serve.
/// </summary>
[GenerateSerializer]
public enum ProblemKind
{
    NotFound = 0,
    Conflict = 1,
    Unprocessable = 2,
    Invalid = 3,
    Unauthorized = 4,
    Forbidden = 5,
    TooManyRequests = 6,
    Unavailable = 7,
    Internal = 8,
}
