using Credstack.Server.Accounts;
using Credstack.Server.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Credstack.Server.Organizations;

/// <summary>The first demo step: an issuer organization with an owner, a staff issuer and a viewer, and a learner account.</summary>
internal static class OrganizationDemoSeed
{
    public static async Task RunAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var accounts = context.Services.GetRequiredService<AccountStore>();
        var hasher = context.Services.GetRequiredService<IPasswordHasher<Account>>();
        var organizations = context.Services.GetRequiredService<OrganizationStore>();
        var memberships = context.Services.GetRequiredService<MembershipStore>();

        async Task<string> AccountAsync(string email, string name, string id)
        {
            var placeholder = new Account { Id = id, Email = email, DisplayName = name, PasswordHash = "", CreatedAt = default };
            var account = await accounts.CreateAsync(email, name, hasher.HashPassword(placeholder, DemoSeedContext.Password), cancellationToken, id)
                ?? await accounts.FindByEmailAsync(email, cancellationToken)
                ?? throw new InvalidOperationException($"demo account {email} could neither be created nor found");
            context.AccountIds[email] = account.Id;
            return account.Id;
        }

        var owner = await AccountAsync(DemoSeedContext.OwnerEmail, "Olivia Owner", "demo-owner");
        var issuer = await AccountAsync(DemoSeedContext.IssuerEmail, "Ivan Issuer", "demo-issuer");
        var viewer = await AccountAsync(DemoSeedContext.ViewerEmail, "Victor Viewer", "demo-viewer");
        await AccountAsync(DemoSeedContext.LearnerEmail, "Lena Learner", "demo-learner");

        await organizations.CreateAsync("Northbridge University", OrganizationKind.Issuer, owner, cancellationToken, DemoSeedContext.OrganizationId);
        await memberships.AddAsync(DemoSeedContext.OrganizationId, issuer, OrgRole.Issuer, cancellationToken);
        await memberships.AddAsync(DemoSeedContext.OrganizationId, viewer, OrgRole.Viewer, cancellationToken);
    }
}
