namespace Queue.Contracts.Security;

/// <summary>What a signed-in person may do. Staff and managers belong to one hall; an administrator to all.</summary>
[GenerateSerializer]
public enum Role
{
    /// <summary>Signs in to a window of their hall and serves citizens.</summary>
    Staff = 0,

    /// <summary>Runs one hall: analytics, tidal advice, devices, staff accounts, the operations dashboards.</summary>
    Manager = 1,

    /// <summary>Runs the installation: halls, managers, every hall's data.</summary>
    Administrator = 2,
}
