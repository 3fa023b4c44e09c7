namespace Queue.Hosting;

/// <summary>How silos find each other (Queue:Cluster:Mode).</summary>
public enum ClusterMode
{
    /// <summary>One silo on this machine: localhost clustering (the single-node default).</summary>
    Local,

    /// <summary>Membership in Redis: any number of silos and Orleans clients (web nodes).</summary>
    Redis,
}
