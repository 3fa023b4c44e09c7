namespace Queue.EndToEndTests.Cluster;

/// <summary>A silo process and the silo-to-silo port by which the cluster knows it.</summary>
public sealed record SiloNode(ProductProcess Process, int SiloPort);
