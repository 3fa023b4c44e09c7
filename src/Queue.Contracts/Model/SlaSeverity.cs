namespace Queue.Contracts.Model;

/// <summary>Warning: the line is projected to pass its target. Breach: someone has already waited past it.</summary>
[GenerateSerializer]
public enum SlaSeverity
{
    Warning = 0,
    Breach = 1,
}
