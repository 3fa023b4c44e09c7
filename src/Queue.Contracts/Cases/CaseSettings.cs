namespace Queue.Contracts.Cases;

/// <summary>
/// A hall's deadlines in working days: a real-name 差评's follow-up (default 5, as many cities set under 国办发〔2019〕51号)
/// and a 没办成 case (default 3). A change applies to cases opened after it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CaseSettings(
    [property: Id(0)] int FollowUpWorkingDays = CaseSettings.DefaultFollowUpDays,
    [property: Id(1)] int NotDoneWorkingDays = CaseSettings.DefaultNotDoneDays)
{
    public const int DefaultFollowUpDays = 5;
    public const int DefaultNotDoneDays = 3;
    public const int MaxWorkingDays = 60;
}
