using Queue.Dashboard.Live;

namespace Queue.WebTests.Live;

/// <summary>The web node's watches, indexed by hall: a hall's routing reads only its own watches.</summary>
public sealed class LiveWatchesTests
{
    [Fact]
    public void WatchesAreCountedPerHallAndAHallIsListedOnlyWhileSomethingInItIsWatched()
    {
        var watches = new LiveWatches();
        Assert.True(watches.Add(new LiveWatch("a", Zone: "z")));
        Assert.False(watches.Add(new LiveWatch("a", Zone: "z"))); // a second board of the same zone
        Assert.False(watches.Add(new LiveWatch("a", Window: 3)));
        Assert.True(watches.Add(new LiveWatch("b", Manager: true)));

        Assert.Equal([new LiveWatch("a", Window: 3), new LiveWatch("a", Zone: "z")], watches.Watches("a").OrderBy(w => w.Window is null));
        Assert.Equal([new LiveWatch("b", Manager: true)], watches.Watches("b"));
        Assert.Empty(watches.Watches("c"));
        Assert.Equal(["a", "b"], watches.Halls.Order());

        watches.Remove(new LiveWatch("a", Zone: "z"));
        Assert.Contains(new LiveWatch("a", Zone: "z"), watches.Watches("a")); // one board of the two is still there
        watches.Remove(new LiveWatch("a", Zone: "z"));
        watches.Remove(new LiveWatch("a", Window: 3));
        Assert.Empty(watches.Watches("a"));
        Assert.Equal(["b"], watches.Halls);
        Assert.True(watches.Add(new LiveWatch("a", Ticket: "t1"))); // the first of its hall again: subscribe again
    }
}
