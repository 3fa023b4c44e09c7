namespace Queue.Contracts.Model;

/// <summary>The two loops a hall closes: a real-name 差评's follow-up (回访整改) and a 跑一次没办成.</summary>
[GenerateSerializer]
public enum CaseKind
{
    /// <summary>回访整改: opened for every real-name 差评 (a rating at most the unsatisfied level whose ticket has a citizen key).</summary>
    FollowUp = 0,

    /// <summary>没办成: opened for every service that ended <see cref="ServiceOutcome.NotDone"/>.</summary>
    NotDone = 1,
}
