// Open Badges 3.0 §B (data model), enumeration AchievementType (extensible: values outside the list use the "ext:" prefix).
// The value list is the one in the 1EdTech JSON Schema (gh-pages build, 2025-03-27).
using System.Collections.Frozen;

namespace Credstack.Credentials.Model;

/// <summary>The kinds of achievement (<c>Achievement.achievementType</c>).</summary>
public static class AchievementType
{
    /// <summary><c>Achievement</c>.</summary>
    public const string Achievement = "Achievement";

    /// <summary><c>ApprenticeshipCertificate</c>.</summary>
    public const string ApprenticeshipCertificate = "ApprenticeshipCertificate";

    /// <summary><c>Assessment</c>.</summary>
    public const string Assessment = "Assessment";

    /// <summary><c>Assignment</c>.</summary>
    public const string Assignment = "Assignment";

    /// <summary><c>AssociateDegree</c>.</summary>
    public const string AssociateDegree = "AssociateDegree";

    /// <summary><c>Award</c>.</summary>
    public const string Award = "Award";

    /// <summary><c>Badge</c>.</summary>
    public const string Badge = "Badge";

    /// <summary><c>BachelorDegree</c>.</summary>
    public const string BachelorDegree = "BachelorDegree";

    /// <summary><c>Certificate</c>.</summary>
    public const string Certificate = "Certificate";

    /// <summary><c>CertificateOfCompletion</c>.</summary>
    public const string CertificateOfCompletion = "CertificateOfCompletion";

    /// <summary><c>Certification</c>.</summary>
    public const string Certification = "Certification";

    /// <summary><c>CommunityService</c>.</summary>
    public const string CommunityService = "CommunityService";

    /// <summary><c>Competency</c>.</summary>
    public const string Competency = "Competency";

    /// <summary><c>Course</c>.</summary>
    public const string Course = "Course";

    /// <summary><c>CoCurricular</c>.</summary>
    public const string CoCurricular = "CoCurricular";

    /// <summary><c>Degree</c>.</summary>
    public const string Degree = "Degree";

    /// <summary><c>Diploma</c>.</summary>
    public const string Diploma = "Diploma";

    /// <summary><c>DoctoralDegree</c>.</summary>
    public const string DoctoralDegree = "DoctoralDegree";

    /// <summary><c>Fieldwork</c>.</summary>
    public const string Fieldwork = "Fieldwork";

    /// <summary><c>GeneralEducationDevelopment</c>.</summary>
    public const string GeneralEducationDevelopment = "GeneralEducationDevelopment";

    /// <summary><c>JourneymanCertificate</c>.</summary>
    public const string JourneymanCertificate = "JourneymanCertificate";

    /// <summary><c>LearningProgram</c>.</summary>
    public const string LearningProgram = "LearningProgram";

    /// <summary><c>License</c>.</summary>
    public const string License = "License";

    /// <summary><c>Membership</c>.</summary>
    public const string Membership = "Membership";

    /// <summary><c>ProfessionalDoctorate</c>.</summary>
    public const string ProfessionalDoctorate = "ProfessionalDoctorate";

    /// <summary><c>QualityAssuranceCredential</c>.</summary>
    public const string QualityAssuranceCredential = "QualityAssuranceCredential";

    /// <summary><c>MasterCertificate</c>.</summary>
    public const string MasterCertificate = "MasterCertificate";

    /// <summary><c>MasterDegree</c>.</summary>
    public const string MasterDegree = "MasterDegree";

    /// <summary><c>MicroCredential</c>.</summary>
    public const string MicroCredential = "MicroCredential";

    /// <summary><c>ResearchDoctorate</c>.</summary>
    public const string ResearchDoctorate = "ResearchDoctorate";

    /// <summary><c>SecondarySchoolDiploma</c>.</summary>
    public const string SecondarySchoolDiploma = "SecondarySchoolDiploma";

    /// <summary>The values the specification defines (extensions with the <c>ext:</c> prefix are also valid).</summary>
    public static FrozenSet<string> Defined { get; } = FrozenSet.Create(StringComparer.Ordinal,
        Achievement, ApprenticeshipCertificate, Assessment, Assignment, AssociateDegree, Award, Badge, BachelorDegree, Certificate, CertificateOfCompletion, Certification, CommunityService, Competency, Course, CoCurricular, Degree, Diploma, DoctoralDegree, Fieldwork, GeneralEducationDevelopment, JourneymanCertificate, LearningProgram, License, Membership, ProfessionalDoctorate, QualityAssuranceCredential, MasterCertificate, MasterDegree, MicroCredential, ResearchDoctorate, SecondarySchoolDiploma);

    /// <summary>True when <paramref name="value"/> is a defined value or an <c>ext:</c> extension term.</summary>
    public static bool IsValid(string value) => Defined.Contains(value) || ExtensionTerm.IsValid(value);
}
