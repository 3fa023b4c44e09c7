using Queue.Contracts.Cases;

namespace Queue.Contracts.Grains;

/// <summary>
/// A hall's cases (key: hall id): the follow-ups of real-name 差评 and the 没办成 cases, opened from the hall journal
/// exactly once (the grain's cursor into the journal is saved with the cases it opened, in one write). Every read
/// first catches up with the journal, so a rating or a completion that was acknowledged is already a case.
/// An unknown hall is refused with hall-not-found, an unknown case with case-not-found.
/// </summary>
[Alias("Queue.IHallCasesGrain")]
public interface IHallCasesGrain : IGrainWithStringKey
{
    /// <summary>Reads the journal after the cursor and opens the cases it calls for; returns how many were opened.</summary>
    [Alias("CatchUp")]
    Task<int> CatchUpAsync();

    [Alias("List")]
    Task<CaseList> ListAsync(CaseQuery query);

    [Alias("Get")]
    Task<CaseView> GetAsync(string caseId);

    /// <summary>Changes a case (409 case-transition for a status move its kind does not allow); journaled as CaseUpdated.</summary>
    [Alias("Update")]
    Task<CaseView> UpdateAsync(string caseId, CaseUpdate update);

    [Alias("GetSettings")]
    Task<CaseSettings> GetSettingsAsync();

    [Alias("SetSettings")]
    Task<CaseSettings> SetSettingsAsync(CaseSettings settings);

    [Alias("GetCounts")]
    Task<CaseCounts> GetCountsAsync();
}
