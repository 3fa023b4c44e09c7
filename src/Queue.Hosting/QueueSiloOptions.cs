using System.ComponentModel.DataAnnotations;

namespace Queue.Hosting;

/// <summary>The silo's settings, section "Queue" (e.g. <c>Queue__DataPath</c> in the environment).</summary>
public sealed class QueueSiloOptions
{
    public const string Section = "Queue";

    /// <summary>The SQLite file holding grain state and the hall event journal.</summary>
    [Required]
    public string DataPath { get; set; } = "data/queue.db";

    /// <summary>Silo-to-silo port. Explicit, because Orleans' default 11111 is often taken.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 21111;

    /// <summary>Client gateway port (Orleans' default 30000 is often taken).</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 31111;

    [Required]
    public string ClusterId { get; set; } = "queue-local";

    [Required]
    public string ServiceId { get; set; } = "queue";

    /// <summary>Seed the demo hall (滨江区市民之家) on first start.</summary>
    public bool SeedDemoHall { get; set; } = true;

    /// <summary>
    /// The seeded demo hall enforces its opening calendar (DemoHall.json: long hours, a 24-hour zone, the holidays).
    /// Test fixtures that issue demo tickets at any hour of any day turn it off: the demo hall is then always open.
    /// </summary>
    public bool DemoOpeningCalendar { get; set; } = true;

    /// <summary>How often each hall's SLA guardian re-evaluates its lines.</summary>
    [Range(1, 3600)]
    public int SlaCheckSeconds { get; set; } = 10;

    /// <summary>
    /// The share of one core the halls' forward wait predictions may use over time (their simulations run at the lowest
    /// CPU priority besides); 0 turns them off, and every page shows the closed form (one figure, no range).
    /// </summary>
    [Range(0.0, 1.0)]
    public double ForecastCpuShare { get; set; } = 0.25;

    /// <summary>Hall configuration files (JSON, one hall each) configured on first start.</summary>
    public List<string> HallFiles { get; set; } = [];
}
