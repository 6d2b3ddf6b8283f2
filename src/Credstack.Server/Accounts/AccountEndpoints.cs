using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Credstack.Server.Accounts;

/// <summary>Sign-up and the signed-in account: <c>/api/v1/accounts</c>.</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        group.MapPost("", CreateAccountAsync).WithName("CreateAccount").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/me", GetMeAsync).WithName("GetMe").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAccountAsync(
        CreateAccountRequest request, AccountStore accounts, IPasswordHasher<Account> hasher, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AddError(errors, "email", AccountValidation.Email(request.Email));
        AddError(errors, "password", AccountValidation.Password(request.Password));
        AddError(errors, "displayName", AccountValidation.Name(request.DisplayName, "display name"));
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var placeholder = new Account { Id = "", Email = "", DisplayName = "", PasswordHash = "", CreatedAt = default };
        var account = await accounts.CreateAsync(request.Email!, request.DisplayName!.Trim(), hasher.HashPassword(placeholder, request.Password!), cancellationToken);
        return account is null
            ? Problem.Conflict("An account with this e-mail address already exists; sign in instead.")
            : TypedResults.Created($"/api/v1/accounts/{account.Id}", AccountResponse.From(account));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(
        ClaimsPrincipal user, AccountStore accounts, MembershipStore memberships, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(CredstackClaims.AccountId) is not { } accountId)
        {
            return Problem.Forbidden("An API token acts for an organization, not a person; /accounts/me needs a signed-in person.");
        }

        var account = await accounts.FindByIdAsync(accountId, cancellationToken);
        if (account is null)
        {
            return Problem.Unauthorized("The signed-in account no longer exists; sign in again.");
        }

        var organizations = await memberships.ListByAccountAsync(accountId, cancellationToken);
        return TypedResults.Ok(new MeResponse(
            AccountResponse.From(account),
            [.. organizations.Select(m => new MeMembership(m.OrganizationId, m.OrganizationName, m.Role))]));
    }

    internal static void AddError(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }
}
