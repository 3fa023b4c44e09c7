namespace Queue.Contracts.Model;

/// <summary>办结 or 没办成; NotDone carries a reason and feeds the "跑一次没办成" list.</summary>
[GenerateSerializer]
public enum ServiceOutcome
{
    Done = 0,
    NotDone = 1,
}
