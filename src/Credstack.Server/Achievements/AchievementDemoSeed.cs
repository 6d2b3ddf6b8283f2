using System.Text;
using Credstack.Server.Hosting;

namespace Credstack.Server.Achievements;

/// <summary>
/// Demo step: seven achievements of the demo university, aligned to skills of the ESCO sample
/// (real ESCO skill URIs, so skills features can match them), each with a generated SVG badge.
/// Later steps (awards) find their ids in <see cref="AchievementIdsKey"/> or use the constants.
/// </summary>
internal static class AchievementDemoSeed
{
    /// <summary>The <see cref="DemoSeedContext.Items"/> key of the seeded achievement ids (an <c>IReadOnlyList&lt;string&gt;</c>).</summary>
    public const string AchievementIdsKey = "achievements";

    public const string DataAnalysis = "demo-data-analysis";
    public const string DatabaseDesign = "demo-database-design";
    public const string CloudArchitecture = "demo-cloud-architecture";
    public const string AgileProjects = "demo-agile-projects";
    public const string InformationSecurity = "demo-information-security";
    public const string AcademicWriting = "demo-academic-writing";
    public const string RiskManagement = "demo-risk-management";

    private const string Esco = "http://data.europa.eu/esco/skill/";

    public static async Task RunAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var achievements = context.Services.GetRequiredService<AchievementStore>();
        var images = context.Services.GetRequiredService<AchievementImageStore>();
        context.AccountIds.TryGetValue(DemoSeedContext.IssuerEmail, out var author);
        var ids = new List<string>();
        foreach (var (id, colour, definition) in Catalogue())
        {
            var image = await images.AddAsync(DemoSeedContext.OrganizationId, ImageSniffer.Svg, Badge(definition.HumanCode!, colour), cancellationToken, id + "-badge");
            await achievements.CreateAsync(DemoSeedContext.OrganizationId, definition with { ImageId = image.Id, ImageCaption = definition.Name + " badge" }, author, cancellationToken, id);
            ids.Add(id);
        }

        context.Items[AchievementIdsKey] = ids;
    }

    private static AlignmentDefinition Skill(string name, string uuid, string? description = null) =>
        new(name, Esco + uuid, description, "ESCO", uuid, "ext:EscoSkill");

    private static IEnumerable<(string Id, string Colour, AchievementDefinition Definition)> Catalogue()
    {
        yield return (DataAnalysis, "#1f6f8b", new AchievementDefinition(
            "Data Analysis with Python",
            "Cleans, explores and analyses tabular data with Python and pandas, and reports findings with clear charts.",
            new CriteriaDefinition("1. Complete the six graded labs (cleaning, joins, grouping, time series, statistics, visualisation).\n2. Submit a capstone analysis of a public data set.\n3. Pass the capstone review with at least grade C.", "https://northbridge.example/micro/data-analysis/criteria"),
            "MicroCredential",
            [Skill("perform online data analysis", "062320e5-79d1-45e8-8b7e-5deeb53279a2"), Skill("identify statistical patterns", "06670261-ea6b-4b52-a915-c7d4ff837f74"), Skill("manage ICT data classification", "03a74eee-2dc6-4147-8667-5cdeb65f122d")],
            5, "Data Science", "Applied data analysis", "NU-DS101", "EQF 6",
            [new ResultDescriptionDefinition("Capstone grade", "LetterGrade", ["C", "B", "A"], "C")],
            ["data", "python", "statistics"], "en"));
        yield return (DatabaseDesign, "#2e7d32", new AchievementDefinition(
            "Relational Database Design and SQL",
            "Designs normalised relational schemas, writes SQL queries and migrates existing data safely.",
            new CriteriaDefinition("Design and implement a database for a case study, including a data migration plan, and pass the online SQL assessment (70% or more).", null),
            "Course",
            [Skill("define database physical structure", "022dc430-872a-473a-9cf4-fed4895e58ad"), Skill("migrate existing data", "020918ef-4b55-47c1-8430-ab7b8f6a7377")],
            4, "Computer Science", "Databases", "NU-CS210", "EQF 6",
            [new ResultDescriptionDefinition("SQL assessment score", "Percent", null, "70", "0", "100")],
            ["databases", "sql"], "en"));
        yield return (CloudArchitecture, "#6a1b9a", new AchievementDefinition(
            "Cloud Architecture Fundamentals",
            "Designs cloud architectures for availability and cost, and plans the migration of existing systems to the cloud.",
            new CriteriaDefinition("Pass the architecture design review of a three-tier application and present a migration plan with cost estimate.", "https://northbridge.example/micro/cloud/criteria"),
            "Certificate",
            [Skill("design cloud architecture", "11430d93-c835-48ed-8e70-285fa69c9ae6"), Skill("plan migration to cloud", "0a52bed5-fd29-45fb-aba6-e32bccfda1c1"), Skill("administer ICT system", "0868eef3-2213-4572-9343-74931345a7d3")],
            6, "Computer Science", "Cloud computing", "NU-CS330", "EQF 6",
            null, ["cloud", "architecture"], "en", Expiry: new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: "P3Y")));
        yield return (AgileProjects, "#ef6c00", new AchievementDefinition(
            "Agile Project Management",
            "Runs projects with Scrum and Kanban, leads a team towards goals and improves how work flows.",
            new CriteriaDefinition("Lead a four-sprint team project, keep a reviewed sprint log, and pass the reflective interview.", null),
            "MicroCredential",
            [Skill("Agile project management", "0a9acb6b-1139-4be9-b431-3a80a959f2f4"), Skill("exert a goal-oriented leadership role towards colleagues", "0fc0cb61-f44d-4fd0-afd1-18506380b55e"), Skill("lead process optimisation", "10026df1-670d-4c75-b3d5-ee0037f9d59b")],
            3, "Business", "Project management", "NU-BM120", "EQF 5",
            [new ResultDescriptionDefinition("Outcome", "Status", ["Pass", "Merit", "Distinction"], "Pass")],
            ["agile", "scrum", "leadership"], "en"));
        yield return (InformationSecurity, "#c62828", new AchievementDefinition(
            "Information Security Essentials",
            "Applies an information security strategy and keeps IT systems compliant with security policies.",
            new CriteriaDefinition("Complete the security awareness modules and pass the scenario-based exam (80% or more).", null),
            "Badge",
            [Skill("information security strategy", "11eebd42-44ab-401d-8a2c-bdb9fc9beb50"), Skill("manage IT security compliances", "06358891-8424-43c5-891e-d40f226bef40")],
            2, "Computer Science", "Information security", "NU-SEC100", "EQF 5",
            [new ResultDescriptionDefinition("Exam score", "Percent", null, "80", "0", "100")],
            ["security", "compliance"], "en", Expiry: new ExpiryPolicy(ExpiryPolicy.AfterIssuance, Duration: "P2Y")));
        yield return (AcademicWriting, "#37474f", new AchievementDefinition(
            "Academic Writing in English",
            "Drafts academic papers and technical documentation in clear English and discusses them confidently.",
            new CriteriaDefinition("Submit a 3,000-word paper that passes peer and tutor review, and present it in a ten-minute talk.", null),
            "Badge",
            [Skill("draft scientific or academic papers and technical documentation", "00b9a3aa-7070-4bb5-8020-f228a97cf42f"), Skill("interact verbally in English", "0ee9e985-0ee5-4a73-8a12-78b53b261bb2")],
            2, "Languages", null, "NU-LA050", "EQF 5", null, ["writing", "english"], "en"));
        yield return (RiskManagement, "#00695c", new AchievementDefinition(
            "Enterprise Risk Management",
            "Identifies, assesses and treats organisational risks, including the transfer of risk.",
            new CriteriaDefinition("Produce a risk register and treatment plan for a case organisation and pass the oral examination.", "https://northbridge.example/micro/risk/criteria"),
            "Course",
            [Skill("enterprise risk management", "00920055-eb50-4cb8-a23d-3deedbf3753e"), Skill("risk transfer", "0d564cb6-98ef-4c18-9392-dd69e6724cbf")],
            5, "Business", "Risk management", "NU-BM240", "EQF 6",
            [new ResultDescriptionDefinition("Final grade", "LetterGrade", ["E", "D", "C", "B", "A"], "E")],
            ["risk", "governance"], "en", Expiry: new ExpiryPolicy(ExpiryPolicy.Fixed, new DateTimeOffset(2031, 8, 31, 0, 0, 0, TimeSpan.Zero))));
    }

    // A simple round badge with the course code; the code is plain ASCII from the catalogue above.
    private static byte[] Badge(string code, string colour) => Encoding.UTF8.GetBytes(
        $"""
        <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
          <circle cx="128" cy="128" r="120" fill="{colour}"/>
          <circle cx="128" cy="128" r="100" fill="none" stroke="#ffffff" stroke-width="6"/>
          <text x="128" y="118" font-family="sans-serif" font-size="22" fill="#ffffff" text-anchor="middle">Northbridge</text>
          <text x="128" y="152" font-family="sans-serif" font-size="26" font-weight="bold" fill="#ffffff" text-anchor="middle">{code}</text>
        </svg>
        """);
}
