using Queue.Contracts.Config;
using Queue.Contracts.Model;
using Queue.Contracts.Snapshots;

namespace Queue.LoadTests.Scenarios;

/// <summary>One window worked by one closed-model copy: what the product last said about it.</summary>
public sealed class WindowSeat(HallConfig hall, int windowNo)
{
    public HallConfig Hall { get; } = hall;

    public int WindowNo { get; } = windowNo;

    public string Path => $"api/halls/{Hall.HallId}/windows/{WindowNo}";

    public bool SignedIn { get; set; }

    public WindowState State { get; private set; } = WindowState.Closed;

    public CurrentTicket? Current { get; private set; }

    public void Update(WindowSnapshot? snapshot)
    {
        if (snapshot is not null)
        {
            State = snapshot.State;
            Current = snapshot.Current;
        }
    }
}
