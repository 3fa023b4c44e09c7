using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Queue.UnitTests.Repository;

/// <summary>
/// What a newcomer meets first stays as the structure issue left it: a README that fits on a screen and whose links,
/// like the documents', lead somewhere; the rules in a pure Queue.Domain that the grains and a simulator can share;
/// grains thin enough to read in one sitting.
/// </summary>
public sealed partial class RepositoryShapeTests
{
    private const int ReadmeLimitBytes = 10 * 1024;
    private const int GrainLineLimit = 200;

    [Fact]
    public void TheReadmeFitsInTenKilobytes()
    {
        var size = new FileInfo(Path.Combine(RepoRoot.Path, "README.md")).Length;
        Assert.True(size <= ReadmeLimitBytes, $"README.md is {size} bytes; depth belongs in docs/");
    }

    [Fact]
    public void EveryRelativeLinkInTheReadmeAndTheDocsNamesAFileThatExists()
    {
        var documents = Directory.GetFiles(Path.Combine(RepoRoot.Path, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(RepoRoot.Path, "README.md"));
        var broken = (
            from document in documents
            from Match link in MarkdownLink().Matches(File.ReadAllText(document))
            let target = link.Groups["target"].Value.Split('#')[0]
            where target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal)
            let path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, Uri.UnescapeDataString(target)))
            where !File.Exists(path) && !Directory.Exists(path)
            select $"{Path.GetRelativePath(RepoRoot.Path, document)} → {target}").ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void TheDomainReferencesOnlyTheContractsAndOrleansAttributes()
    {
        var project = XDocument.Load(Path.Combine(RepoRoot.Path, "src", "Queue.Domain", "Queue.Domain.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();
        var projects = project.Descendants("ProjectReference").Select(p => ((string?)p.Attribute("Include") ?? "").Split('\\', '/')[^1]).ToList();

        Assert.Equal(["Microsoft.Orleans.Sdk"], packages);
        Assert.Equal(["Queue.Contracts.csproj"], projects);
        Assert.Empty(project.Descendants("FrameworkReference"));
    }

    [Fact]
    public void NoGrainFileIsLongerThanTwoHundredLines()
    {
        var grains = Directory.GetFiles(Path.Combine(RepoRoot.Path, "src", "Queue.Engine"), "*Grain.cs", SearchOption.AllDirectories);
        var tooLong = grains.Select(f => (File: Path.GetFileName(f), Lines: File.ReadLines(f).Count())).Where(g => g.Lines > GrainLineLimit).ToList();

        Assert.NotEmpty(grains);
        Assert.Empty(tooLong);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
