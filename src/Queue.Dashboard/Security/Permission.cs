namespace Queue.Dashboard.Security;

/// <summary>What a caller may do in a hall. <see cref="AccessRules"/> is the one table of who holds which.</summary>
public enum Permission
{
    /// <summary>Read the hall's live state: snapshots, boards, window displays, the big screen's figures.</summary>
    Display,

    /// <summary>Take an ordinary ticket as a hall device or a person of the hall.</summary>
    Issue,

    /// <summary>Take a priority ticket (绿色通道, appointment).</summary>
    IssuePriority,

    /// <summary>Work a window and handle any ticket of the hall.</summary>
    Operate,

    /// <summary>Analytics, tidal advice, day close, the journal, devices and staff accounts of the hall.</summary>
    Manage,

    /// <summary>Replace the hall's configuration.</summary>
    Configure,

    /// <summary>The installation: new halls, managers and administrators, diagnostics.</summary>
    Administer,
}
