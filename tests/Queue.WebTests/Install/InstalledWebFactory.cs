using Queue.WebTests.Http;

namespace Queue.WebTests.Install;

/// <summary>The product as a hall installs it: a public address for its links, behind nginx on the LAN.</summary>
public sealed class InstalledWebFactory : QueueWebFactory
{
    public const string PublicBaseUrl = "https://queue.example.gov.cn/hall/";

    /// <summary>A proxy listed by address, and a network of them.</summary>
    public const string KnownProxy = "10.8.7.6";

    public const string KnownNetwork = "10.9.0.0/16";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Queue:Web:PublicBaseUrl"] = PublicBaseUrl,
        ["Queue:Security:KnownProxies:0"] = KnownProxy,
        ["Queue:Security:KnownNetworks:0"] = KnownNetwork,
    };
}

[CollectionDefinition(Name)]
public sealed class InstalledWebCollection : ICollectionFixture<InstalledWebFactory>
{
    public const string Name = "installed web";
}
