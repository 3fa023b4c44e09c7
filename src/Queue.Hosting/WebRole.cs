namespace Queue.Hosting;

/// <summary>What a web node is (Queue:Web:Role).</summary>
public enum WebRole
{
    /// <summary>The web node co-hosts a silo (the single-node default; in Redis mode it joins the cluster as a silo).</summary>
    Silo,

    /// <summary>A stateless web node: an Orleans client of the cluster's gateways. Nothing is stored here.</summary>
    Client,
}
