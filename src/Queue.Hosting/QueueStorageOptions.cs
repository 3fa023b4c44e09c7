using System.ComponentModel.DataAnnotations;

namespace Queue.Hosting;

/// <summary>The grain state store, section "Queue:Storage". The SQLite file itself is Queue:DataPath.</summary>
public sealed class QueueStorageOptions : IValidatableObject
{
    public const string Section = "Queue:Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Npgsql connection string, e.g. <c>Host=db;Database=queue;Username=queue;Password=…</c>. Required for Postgres.</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>
    /// Checks at every write of a state kept in rows that the changed rows, applied to what was stored, give exactly the
    /// state's rows: a change made without its event would fail the write at once instead of vanishing at the next
    /// restart. The test fixtures turn it on; it costs a full encoding of the line per write, so production leaves it off.
    /// </summary>
    public bool VerifyRows { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(PostgresConnection))
        {
            yield return new ValidationResult("Queue:Storage:PostgresConnection is required when Queue:Storage:Provider is Postgres", [nameof(PostgresConnection)]);
        }
    }
}
