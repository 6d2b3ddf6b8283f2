using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Tests.Taxonomies;

public sealed class OnetImporterTests
{
    private static InMemoryFiles Files(string? skills = null) => new()
    {
        ["Occupation Data.txt"] = "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tResearch, design, and develop software.\n29-1141.00\tRegistered Nurses\tAssess patient health problems.\n",
        ["Skills.txt"] = skills ?? "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
            + "15-1252.00\t2.B.3.e\tProgramming\tIM\t4.62\t8\t0.18\t4.26\t4.98\tN\tn/a\t08/2023\tAnalyst\n"
            + "15-1252.00\t2.B.3.e\tProgramming\tLV\t5.75\t8\t0.25\t5.26\t6.24\tN\tN\t08/2023\tAnalyst\n"
            + "15-1252.00\t2.A.1.a\tReading Comprehension\tIM\t3.00\t8\t0.00\t3.00\t3.00\tN\tn/a\t08/2023\tAnalyst\n"
            + "29-1141.00\t2.B.3.e\tProgramming\tIM\t1.12\t8\t0.12\t0.88\t1.37\tN\tn/a\t08/2023\tAnalyst\n"
            + "29-1141.00\t2.B.3.e\tProgramming\tLV\t0.12\t8\t0.12\t0\t0.37\tN\tY\t08/2023\tAnalyst\n",
        ["Knowledge.txt"] = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
            + "29-1141.00\t2.C.5.a\tMedicine and Dentistry\tIM\t4.10\t20\t0.1\t3.9\t4.3\tN\tn/a\t08/2023\tIncumbent\n",
        ["Technology Skills.txt"] = "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
            + "15-1252.00\tGit\t43232402\tDevelopment environment software\tY\tY\n"
            + "15-1252.00\tEclipse IDE\t43232402\tDevelopment environment software\tN\tN\n",
        ["Alternate Titles.txt"] = "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n15-1252.00\tApplication Developer\t\t08\n",
    };

    [Fact]
    public void Importing_O_NET_files_maps_importance_level_technologies_and_alternate_titles()
    {
        var result = OnetImporter.Import(Files().Open);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var taxonomy = result.Taxonomy!;
        Assert.Equal(2, taxonomy.Occupations.Count);
        Assert.Equal(4, taxonomy.Skills.Count);
        var developer = taxonomy.Occupations["15-1252.00"];
        Assert.Contains("Application Developer", developer.AltLabels);
        var programming = Assert.Single(developer.Requirements, r => r.SkillId == "2.B.3.e");
        Assert.True(programming.MustHave);
        Assert.Equal(5, programming.Importance);
        Assert.Equal(6, programming.Level);
        Assert.False(Assert.Single(developer.Requirements, r => r.SkillId == "2.A.1.a").MustHave);
        Assert.Contains(developer.Requirements, r => r.SkillId == "tech:43232402" && !r.MustHave);
        Assert.Equal(["Git", "Eclipse IDE"], taxonomy.Skills["tech:43232402"].AltLabels);
        var nurse = taxonomy.Occupations["29-1141.00"];
        Assert.Equal(2, nurse.Requirements.Count);
        Assert.Equal("knowledge", taxonomy.Skills["2.C.5.a"].SkillType);
    }

    [Fact]
    public void Bad_O_NET_rows_are_reported_with_their_line_and_no_taxonomy_is_kept()
    {
        var skills = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n"
            + "15-1252.00\t2.B.3.e\tProgramming\tIM\t4.62\n"
            + "15-1252.00\t2.B.3.e\tProgramming\tIM\tlots\n"
            + "99-9999.00\t2.B.3.e\tProgramming\tIM\t2\n"
            + "15-1252.00\t2.B.3.e\tProgramming\tLV\t9\n"
            + "15-1252.00\t2.B.3.e\n";

        var result = OnetImporter.Import(Files(skills).Open);

        Assert.False(result.Succeeded);
        Assert.Null(result.Taxonomy);
        Assert.Equal([3L, 4L, 5L, 6L], result.Problems.Where(p => p.File == "Skills.txt").Select(p => p.Line));
    }
}
