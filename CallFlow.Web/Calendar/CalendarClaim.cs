using System.Globalization;
using CallFlow.Domain.Calendar;
using CallFlow.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallFlow.Web.Calendar;

/// <summary>
/// One seat an appointment occupies in one 5-minute unit of a pool (<see cref="CapacityClaims"/>). The unique index
/// on (BusinessId, Pool, Unit, Seat) is what makes over-booking impossible: of two commits that both saw the last
/// seat free, the database lets one insert it.
/// </summary>
public sealed class CalendarClaim
{
    public long Id { get; set; }

    public required string BusinessId { get; set; }

    public required string Pool { get; set; }

    public long Unit { get; set; }

    public int Seat { get; set; }

    public required string AppointmentId { get; set; }

    /// <summary>
    /// Inserts an appointment's claims in one statement, inside the commit's open transaction and after the appointment
    /// row they refer to. A seat another commit took first fails the whole statement on the unique index.
    /// </summary>
    internal static async Task InsertAsync(CallFlowDb db, string businessId, string appointmentId, IReadOnlyList<CapacityClaim> claims, CancellationToken cancellationToken)
    {
        if (claims.Count == 0)
        {
            return;
        }

        var table = db.Model.FindEntityType(typeof(CalendarClaim))!;
        var store = StoreObjectIdentifier.Table(table.GetTableName()!, table.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(table.FindProperty(property)!.GetColumnName(store)!);

        var parameters = new object[claims.Count * 5];
        var rows = new string[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            var at = i * 5;
            (parameters[at], parameters[at + 1], parameters[at + 2], parameters[at + 3], parameters[at + 4]) =
                (businessId, claims[i].Pool, claims[i].Unit, claims[i].Seat, appointmentId);
            rows[i] = string.Create(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}})");
        }

        var columns = string.Join(", ", new[] { nameof(BusinessId), nameof(Pool), nameof(Unit), nameof(Seat), nameof(AppointmentId) }.Select(Column));
        // Only the model's own names and placeholders are in the text; every value goes as a parameter.
        var statement = $"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({columns}) VALUES {string.Join(", ", rows)}";
        await db.Database.ExecuteSqlRawAsync(statement, parameters, cancellationToken);
    }

    internal sealed class Configuration : IEntityTypeConfiguration<CalendarClaim>
    {
        public const string UniqueSeat = "IX_CalendarClaims_Seat";

        public void Configure(EntityTypeBuilder<CalendarClaim> builder)
        {
            builder.Property(c => c.BusinessId).HasMaxLength(64);
            builder.Property(c => c.Pool).HasMaxLength(100);
            builder.Property(c => c.AppointmentId).HasMaxLength(32);
            builder.HasIndex(c => new { c.BusinessId, c.Pool, c.Unit, c.Seat }).IsUnique().HasDatabaseName(UniqueSeat);
            builder.HasIndex(c => c.AppointmentId);
            builder.HasOne<Appointment>().WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
