using Credstack.Server.Accounts;
using Credstack.Server.Achievements;
using Credstack.Server.Delivery;
using Credstack.Server.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Credstack.Server.Awards;

/// <summary>
/// Demo step: twenty learners and sixty credentials issued through <see cref="AwardIssuer"/>, so a
/// newcomer sees a working system: most active, some revoked (one superseded by a replacement),
/// some suspended, some expired (issued three years ago for a two-year achievement); the demo
/// learner's own credentials are claimed to their account.
/// </summary>
internal static class AwardDemoSeed
{
    public const int Learners = 20;

    public static string LearnerEmail(int n) => $"learner{n:D2}@demo.credstack.dev";

    public static async Task RunAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var accounts = services.GetRequiredService<AccountStore>();
        var hasher = services.GetRequiredService<IPasswordHasher<Account>>();
        var issuer = services.GetRequiredService<AwardIssuer>();
        var lifecycle = services.GetRequiredService<AwardLifecycle>();
        var awards = services.GetRequiredService<AwardStore>();
        var claims = services.GetRequiredService<ClaimLinks>();
        var time = services.GetRequiredService<TimeProvider>();
        var org = DemoSeedContext.OrganizationId;
        context.AccountIds.TryGetValue(DemoSeedContext.IssuerEmail, out var issuedBy);

        var learners = new List<string> { DemoSeedContext.LearnerEmail };
        for (var n = 1; n < Learners; n++)
        {
            var email = LearnerEmail(n);
            var placeholder = new Account { Id = "", Email = email, DisplayName = "", PasswordHash = "", CreatedAt = default };
            var account = await accounts.CreateAsync(email, $"Demo Learner {n:D2}", hasher.HashPassword(placeholder, DemoSeedContext.Password), cancellationToken, $"demo-learner-{n:D2}")
                ?? await accounts.FindByEmailAsync(email, cancellationToken);
            context.AccountIds[email] = account!.Id;
            learners.Add(email);
        }

        string[] catalogue =
        [
            AchievementDemoSeed.DataAnalysis, AchievementDemoSeed.DatabaseDesign, AchievementDemoSeed.CloudArchitecture, AchievementDemoSeed.AgileProjects,
            AchievementDemoSeed.AcademicWriting, AchievementDemoSeed.RiskManagement, AchievementDemoSeed.InformationSecurity,
        ];

        // Three credentials per learner; the first round shows the claim mail in the outbox for the demo learner only.
        var issued = new List<Award>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < learners.Count; i++)
            {
                var achievement = catalogue[(i + (round * 3)) % catalogue.Length];
                var request = new AwardRequest(
                    achievement,
                    null,
                    new AwardRecipientRequest(Email: learners[i]),
                    Narrative: $"Completed the {achievement.Replace("demo-", "", StringComparison.Ordinal).Replace('-', ' ')} module with a capstone project.",
                    Results: achievement == AchievementDemoSeed.DataAnalysis ? [new AwardResultRequest(Value: "A", Status: "Completed")] : null,
                    Notify: i == 0 && round == 0);
                issued.Add(Expect(await issuer.IssueAsync(org, request, issuedBy, cancellationToken)));
            }
        }

        // Expired: issued three years ago for the achievement that is valid for two.
        var threeYearsAgo = new ShiftedTimeProvider(time, TimeSpan.FromDays(-3 * 365));
        var pastIssuer = ActivatorUtilities.CreateInstance<AwardIssuer>(services, threeYearsAgo);
        for (var i = 1; i <= 3; i++)
        {
            var request = new AwardRequest(AchievementDemoSeed.InformationSecurity, null, new AwardRecipientRequest(Email: learners[i]), Notify: false);
            Expect(await pastIssuer.IssueAsync(org, request, issuedBy, cancellationToken));
        }

        // The demo learner's credentials are in their account already.
        var learnerId = context.AccountIds.GetValueOrDefault(DemoSeedContext.LearnerEmail);
        foreach (var award in issued.Where(a => a.Recipient == DemoSeedContext.LearnerEmail && learnerId is not null))
        {
            await claims.RedeemAsync(await claims.CreateAsync(award.Id, cancellationToken), learnerId!, cancellationToken);
        }

        await lifecycle.RevokeAsync(org, issued[5].Id, "Issued to the wrong learner", cancellationToken);
        await lifecycle.RevokeAsync(org, issued[11].Id, "Academic misconduct", cancellationToken);
        await lifecycle.RevokeAsync(org, issued[27].Id, "Course requirements not met", cancellationToken);
        await lifecycle.SuspendAsync(org, issued[8].Id, "Under review", cancellationToken);
        await lifecycle.SuspendAsync(org, issued[33].Id, "Payment pending", cancellationToken);
        await lifecycle.SuspendAsync(org, issued[46].Id, "Identity check", cancellationToken);
        var corrected = issued[14];
        var bytes = await awards.ReadCredentialAsync(corrected.Id, cancellationToken);
        Expect(await lifecycle.ReplaceAsync(org, corrected, bytes!, new ReplaceAwardRequest(Narrative: "Grade corrected after appeal.", Notify: false), issuedBy, "eddsa-rdfc-2022", cancellationToken));
    }

    private static Award Expect(AwardIssueOutcome outcome) => outcome.Result is AwardIssueResult.Issued
        ? outcome.Award!
        : throw new InvalidOperationException($"demo award not issued: {outcome.Result} {outcome.Detail}");
}
