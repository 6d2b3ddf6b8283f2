using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Awards;
using Credstack.Server.Delivery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Backpack;

/// <summary>
/// <c>/claim/{token}</c>: where the e-mail's claim link lands. It shows what is being claimed; a visitor signs in or
/// creates an account and comes back here; a signed-in person presses "Claim" (a form post) and lands on the credential
/// in their backpack. Unknown, used and expired links get one message (the link's holder learns nothing about which).
/// </summary>
[AllowAnonymous]
internal sealed class ClaimPage(ClaimLinks claims, AwardStore awards, TimeProvider time) : PageModel
{
    public const string UnusableMessage = "This claim link is unknown, already used or expired. If the credential is yours, ask its issuer to send a new link.";

    public string Token { get; private set; } = "";

    public BackpackCard? Card { get; private set; }

    public string? Error { get; private set; }

    /// <summary>True when the signed-in person already claimed the credential with this link.</summary>
    public bool AlreadyYours { get; private set; }

    public string? AwardId { get; private set; }

    public bool SignedIn => User.FindFirstValue(CredstackClaims.AccountId) is not null;

    public string ReturnUrl => "/claim/" + Uri.EscapeDataString(Token);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        var link = await claims.FindAsync(token, cancellationToken);
        var accountId = User.FindFirstValue(CredstackClaims.AccountId);
        if (link is not null && link.UsedAt is not null && accountId is not null && string.Equals(link.UsedBy, accountId, StringComparison.Ordinal))
        {
            AlreadyYours = true;
            AwardId = link.AwardId;
            return Page();
        }

        if (link is null || !link.IsUsableAt(time.GetUtcNow()) || await CardAsync(link.AwardId, cancellationToken) is not { } card)
        {
            return Unusable();
        }

        Card = card;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        if (User.FindFirstValue(CredstackClaims.AccountId) is not { } accountId)
        {
            return Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(ReturnUrl));
        }

        var awardId = await claims.RedeemAsync(token, accountId, cancellationToken);
        if (awardId is null)
        {
            return Unusable();
        }

        return Redirect($"/backpack/credentials/{Uri.EscapeDataString(awardId)}?claimed=1");
    }

    private PageResult Unusable()
    {
        Error = UnusableMessage;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<BackpackCard?> CardAsync(string awardId, CancellationToken cancellationToken)
    {
        var award = await awards.FindByIdAsync(awardId, cancellationToken);
        var bytes = award is null ? null : await awards.ReadCredentialAsync(awardId, cancellationToken);
        if (award is null || bytes is null)
        {
            return null;
        }

        var facts = CredentialFacts.Read(bytes);
        return new BackpackCard
        {
            Id = award.Id,
            IsAward = true,
            Name = facts.Name ?? "Credential",
            IssuerName = facts.IssuerName ?? facts.IssuerId,
            IssuedOn = award.ValidFrom,
            ValidUntil = award.ValidUntil,
            Status = award.Status == AwardStatuses.Active ? "Active" : award.Status,
            Tone = award.Status == AwardStatuses.Active ? "ok" : "bad",
            Facts = facts,
        };
    }
}
