namespace Credstack.Skills.Profiles;

/// <summary>Evidence the profile builder could not use, or a contradiction it resolved.</summary>
/// <param name="EvidenceIndex">The 0-based position of the evidence in the input.</param>
/// <param name="SkillRef">The skill reference it carried.</param>
/// <param name="Message">What is wrong and what was done.</param>
public sealed record ProfileProblem(int EvidenceIndex, string SkillRef, string Message);
