using Credstack.Credentials.Model;

namespace Credstack.Benchmarks.Model;

/// <summary>A typical single-achievement credential with an alignment, a result and a hashed email recipient.</summary>
internal static class SampleCredential
{
    public static AchievementCredential Create()
    {
        var achievement = new Achievement
        {
            Id = "https://university.example/achievements/data-101",
            Name = "Data Analysis Fundamentals",
            Description = "Collect, clean and analyse data with spreadsheets and Python.",
            Criteria = new Criteria { Id = "https://university.example/achievements/data-101/criteria", Narrative = "Pass the final exam with at least 60%." },
            AchievementType = AchievementType.Course,
            Image = new Image { Id = "https://university.example/badges/data.png" },
            Alignment =
            [
                new Alignment { TargetName = "Analyse data", TargetUrl = "http://data.europa.eu/esco/skill/1", TargetFramework = "ESCO", TargetType = "ext:EscoSkill" },
            ],
            ResultDescription = [new ResultDescription { Id = "urn:uuid:0190a3c2-0000-7000-8000-0000000000aa", Name = "Grade", ResultType = ResultType.LetterGrade, AllowedValue = ["D", "C", "B", "A"] }],
        };
        var subject = new AchievementSubject
        {
            Id = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            Achievement = achievement,
            Identifier = [IdentityObject.CreateHashed(IdentifierType.EmailAddress, "learner@example.org", "0123456789abcdef0123456789abcdef")],
            Result = [new Result { ResultDescription = "urn:uuid:0190a3c2-0000-7000-8000-0000000000aa", Value = "A" }],
        };
        var issuer = new Profile { Id = "https://university.example/issuers/1", Name = "Example University", Url = "https://university.example" };
        return AchievementCredential.Create(issuer, subject, new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero), id: "urn:uuid:0190a3c2-0000-7000-8000-000000000001") with
        {
            CredentialSchema = [CredentialSchema.AchievementCredential],
        };
    }
}
