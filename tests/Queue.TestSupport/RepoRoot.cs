namespace Queue.TestSupport;

/// <summary>The repository root: the first directory above the test output that holds Queue.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Queue.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Queue.sln above {AppContext.BaseDirectory}");
    }
}
