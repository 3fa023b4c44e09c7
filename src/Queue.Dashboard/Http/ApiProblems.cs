using Microsoft.AspNetCore.Mvc;
using Queue.Contracts.Model;

namespace Queue.Dashboard.Http;

public static class ApiProblems
{
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.Internal => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A refusal from the catalogue as ProblemDetails, with <paramref name="status"/> (which its kind need not decide).</summary>
    public static ProblemDetails Create(int status, QueueRuleException refusal) => Create(status, refusal.Code, refusal.MessageZh, refusal.MessageEn);

    public static ProblemDetails Create(int status, string code, string zh, string en) => new()
    {
        Status = status,
        Type = $"https://queue.example/problems/{code}",
        Title = $"{zh} / {en}",
        Detail = en,
        Extensions =
        {
            ["code"] = code,
            ["messageZh"] = zh,
            ["messageEn"] = en,
        },
    };
}
