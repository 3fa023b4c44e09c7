namespace Queue.Contracts.Model;

/// <summary>How a refused command maps to HTTP: 404, 409 (wrong state now) or 422 (a rule forbids it).</summary>
[GenerateSerializer]
public enum ProblemKind
{
    NotFound = 0,
    Conflict = 1,
    Unprocessable = 2,
    Invalid = 3,
}
