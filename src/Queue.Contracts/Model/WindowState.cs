namespace Queue.Contracts.Model;

[GenerateSerializer]
public enum WindowState
{
    Closed = 0,
    Idle = 1,
    Calling = 2,
    Serving = 3,
    Paused = 4,
}
