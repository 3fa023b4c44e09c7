namespace Queue.EndToEndTests.Browser;

/// <summary>The browser tests share one running product and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
