namespace Queue.TestSupport;

/// <summary>A directory under /tmp removed when the test is done.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("queue-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a stopping host; /tmp is cleaned by the system
        }
    }
}
