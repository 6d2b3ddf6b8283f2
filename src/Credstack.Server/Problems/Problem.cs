using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Problems;

/// <summary>The one factory for problem results, so every error carries a stable type, a title and a status.</summary>
internal static class Problem
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found", type: ProblemTypes.NotFound);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict", type: ProblemTypes.Conflict);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", type: ProblemTypes.Forbidden);

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: ProblemTypes.Unauthorized);

    /// <summary>A request that parsed but whose fields are wrong; <paramref name="errors"/> maps a field name to its messages.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, "One or more fields are invalid.", title: "Invalid request", type: ProblemTypes.Validation);

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult Of(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: type);
}
