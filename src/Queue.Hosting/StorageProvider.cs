namespace Queue.Hosting;

/// <summary>Where grain state and the hall journal live (Queue:Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file (Queue:DataPath): the single-node default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every silo: the cluster store.</summary>
    Postgres,
}
