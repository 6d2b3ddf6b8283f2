using System.Globalization;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Accounts;

/// <summary>Sign-in and sign-out with the session cookie: <c>/api/v1/sessions</c>.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sessions").WithTags("Accounts");
        group.MapPost("", SignInAsync).WithName("SignIn").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        // Signing out is harmless and idempotent, so it needs no prior authentication.
        group.MapDelete("", (Delegate)SignOutAsync).WithName("SignOut").AllowAnonymous();
        return group;
    }

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> SignInAsync(
        CreateSessionRequest request, PasswordSignIn signIn, HttpContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problem.Validation("credentials", "Send both an e-mail address and a password.");
        }

        if (request.Password.Length > AccountValidation.MaxPasswordLength)
        {
            return Problem.Of(StatusCodes.Status401Unauthorized, ProblemTypes.InvalidCredentials, "Invalid credentials", "The e-mail address or the password is wrong.");
        }

        var outcome = await signIn.SignInAsync(request.Email, request.Password, cancellationToken);
        if (outcome.LockedOut)
        {
            var retryAfter = outcome.LockedUntil!.Value;
            context.Response.Headers.RetryAfter = retryAfter.ToString("R", CultureInfo.InvariantCulture);
            return Problem.Of(StatusCodes.Status429TooManyRequests, ProblemTypes.LockedOut, "Account locked",
                $"Too many failed sign-ins; this account is locked until {retryAfter.ToString("u", CultureInfo.InvariantCulture)}.");
        }

        if (outcome.Account is not { } account)
        {
            return Problem.Of(StatusCodes.Status401Unauthorized, ProblemTypes.InvalidCredentials, "Invalid credentials", "The e-mail address or the password is wrong.");
        }

        await SessionCookie.SignInAsync(context, account);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context)
    {
        await SessionCookie.SignOutAsync(context);
        return TypedResults.NoContent();
    }
}
