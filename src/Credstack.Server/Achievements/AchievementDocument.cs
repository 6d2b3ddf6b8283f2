// Open Badges 3.0 §B.1.1 Achievement: the object an AchievementCredential's credentialSubject
// names. Its id is the version's stable URL, so a credential keeps describing what was awarded
// even after the achievement is edited.
using System.Globalization;
using Credstack.Credentials.Model;
using Credstack.Server.Issuers;

namespace Credstack.Server.Achievements;

/// <summary>Builds the OB 3.0 Achievement for one stored version.</summary>
internal static class AchievementDocument
{
    public static Achievement ToOpenBadges(AchievementVersion version, IssuerIdentity identity)
    {
        var definition = version.ReadDefinition();
        var id = identity.AchievementUrl(version.OrganizationId, version.Id, version.Version);
        return new Achievement
        {
            Id = id,
            Name = definition.Name!,
            Description = definition.Description!,
            Criteria = new Criteria { Id = definition.Criteria?.Url, Narrative = definition.Criteria?.Narrative },
            AchievementType = definition.AchievementType,
            Alignment = definition.Alignments?.Select(a => new Alignment
            {
                TargetName = a.TargetName!,
                TargetUrl = a.TargetUrl!,
                TargetDescription = a.TargetDescription,
                TargetFramework = a.TargetFramework,
                TargetCode = a.TargetCode,
                TargetType = a.TargetType,
            }).ToList(),
            CreditsAvailable = definition.CreditsAvailable,
            FieldOfStudy = definition.FieldOfStudy,
            Specialization = definition.Specialization,
            HumanCode = definition.HumanCode,
            ResultDescription = definition.ResultDescriptions?.Select((r, i) => new ResultDescription
            {
                Id = $"{id}#result-{(i + 1).ToString(CultureInfo.InvariantCulture)}",
                Name = r.Name!,
                ResultType = r.ResultType!,
                AllowedValue = r.AllowedValues,
                RequiredValue = r.RequiredValue,
                ValueMin = r.ValueMin,
                ValueMax = r.ValueMax,
            }).ToList(),
            Tag = definition.Tags,
            InLanguage = definition.InLanguage,
            Image = definition.ImageId is { } imageId ? new Image { Id = identity.ImageUrl(version.OrganizationId, imageId), Caption = definition.ImageCaption } : null,
            Version = version.Version.ToString(CultureInfo.InvariantCulture),
        };
    }
}
