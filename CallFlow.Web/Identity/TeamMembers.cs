using System.ComponentModel.DataAnnotations;
using CallFlow.Web.Businesses;
using CallFlow.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallFlow.Web.Identity;

/// <summary>A staff member of one business, as its owners see them on the Team page.</summary>
public sealed record TeamMember(string UserId, string Name, string Email, StaffRole Role, bool IsYou);

/// <summary>What an owner fills in to add someone to the team.</summary>
public sealed class NewTeamMember
{
    [Required(ErrorMessage = "Enter their email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address, such as maya@example.com.")]
    [MaxLength(256)]
    public string Email { get; set; } = "";

    /// <summary>How the console names them; only for someone without an account yet.</summary>
    [MaxLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string Name { get; set; } = "";

    public StaffRole Role { get; set; } = StaffRole.FrontDesk;

    /// <summary>The first password of a new account, to hand over in person; ignored for someone who already has one.</summary>
    [MaxLength(128)]
    public string Password { get; set; } = "";
}

/// <summary>The outcome of a change to a team: what was done, or why nothing was (<see cref="Problems"/>, the first one in <see cref="Message"/>).</summary>
public sealed record TeamChange(string Message, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static TeamChange Done(string message) => new(message, []);

    public static TeamChange Refused(params string[] problems) => new(problems[0], problems);
}

/// <summary>
/// Owners manage who works their phones: list the team, add someone (a new account with a first password, or an
/// existing account by its email), change a role, remove a membership. Every call checks again that the viewer owns the
/// business, and a business always keeps an owner. Removing a membership takes effect at once: roles and memberships
/// are read from the database on every page and query, not from the cookie.
/// </summary>
public sealed class TeamMembers(BusinessScope scope, IServiceScopeFactory scopes, IDbContextFactory<CallFlowDb> dbFactory, ILogger<TeamMembers> logger)
{
    public const string LastOwner = "A business needs an owner: make someone else an owner first.";
    public const string NotOwner = "Only an owner of this business can change its team.";

    /// <summary>The business's team, owners first, or null when the viewer does not own it.</summary>
    public async Task<IReadOnlyList<TeamMember>?> ListAsync(string businessId, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return null;
        }

        var you = (await scope.UserAsync()).UserId();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.BusinessId == businessId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, m.Role })
            .ToListAsync(cancellationToken);
        return [.. members
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => new TeamMember(m.Id, m.DisplayName, m.Email ?? "", m.Role, m.Id == you))];
    }

    /// <summary>Adds someone: a new account when nobody has that email yet, else that account's membership.</summary>
    public async Task<TeamChange> AddAsync(string businessId, NewTeamMember form, CancellationToken cancellationToken = default)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return TeamChange.Refused(NotOwner);
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(form, new ValidationContext(form), problems, validateAllProperties: true))
        {
            return TeamChange.Refused([.. problems.Select(p => p.ErrorMessage ?? "Check the form.")]);
        }

        await using var services = scopes.CreateAsyncScope();
        var users = services.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = form.Email.Trim();
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return await AddMembershipAsync(businessId, existing, form.Role, cancellationToken);
        }

        var name = form.Name.Trim();
        if (name.Length == 0 || form.Password.Length == 0)
        {
            return TeamChange.Refused(
                [.. new[] { name.Length == 0 ? "Enter their name: nobody has an account with this email yet." : null, form.Password.Length == 0 ? "Choose a first password for their new account." : null }.OfType<string>()]);
        }

        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        user.Memberships.Add(new BusinessMembership { UserId = user.Id, BusinessId = businessId, Role = form.Role });
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            return TeamChange.Refused([.. created.Errors.Select(e => e.Description)]);
        }

        logger.LogInformation("{Owner} added {Email} to {BusinessId} as {Role} (new account)", (await scope.UserAsync()).StaffName(), email, businessId, form.Role);
        return TeamChange.Done($"{name} can now sign in as {email} with the password you chose.");
    }

    private async Task<TeamChange> AddMembershipAsync(string businessId, StaffUser user, StaffRole role, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.BusinessId == businessId, cancellationToken))
        {
            return TeamChange.Refused($"{user.DisplayName} ({user.Email}) is already on this team.");
        }

        db.Memberships.Add(new BusinessMembership { UserId = user.Id, BusinessId = businessId, Role = role });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Owner} added {Email} to {BusinessId} as {Role}", (await scope.UserAsync()).StaffName(), user.Email, businessId, role);
        return TeamChange.Done($"{user.DisplayName} already had an account: they now see this business too, with their own password.");
    }

    /// <summary>Makes a member front desk or owner; the last owner stays an owner.</summary>
    public Task<TeamChange> SetRoleAsync(string businessId, string userId, StaffRole role, CancellationToken cancellationToken = default) =>
        ChangeAsync(businessId, userId, cancellationToken, (_, membership, name) =>
        {
            if (membership.Role == role)
            {
                return null;
            }

            membership.Role = role;
            return $"{name} is {(role == StaffRole.Owner ? "an owner" : "front desk")} from now on.";
        }, demotes: role != StaffRole.Owner);

    /// <summary>Takes a member off the team (their account stays, for any other business); nobody removes themselves or the last owner.</summary>
    public Task<TeamChange> RemoveAsync(string businessId, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(businessId, userId, cancellationToken, (db, membership, name) =>
        {
            db.Memberships.Remove(membership);
            return $"{name} is no longer on the team.";
        }, demotes: true, refuseSelf: "You cannot remove yourself; another owner can.");

    private async Task<TeamChange> ChangeAsync(
        string businessId, string userId, CancellationToken cancellationToken, Func<CallFlowDb, BusinessMembership, string, string?> change, bool demotes, string? refuseSelf = null)
    {
        if (!await scope.CanManageAsync(businessId, cancellationToken))
        {
            return TeamChange.Refused(NotOwner);
        }

        if (refuseSelf is not null && (await scope.UserAsync()).UserId() == userId)
        {
            return TeamChange.Refused(refuseSelf);
        }

        // One transaction, so two owners demoting each other at once cannot leave the business without one.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.UserId == userId && m.BusinessId == businessId, cancellationToken);
        var refused = membership is null ? "That person is no longer on this team." : null;
        if (membership is { Role: StaffRole.Owner } && demotes
            && await db.Memberships.CountAsync(m => m.BusinessId == businessId && m.Role == StaffRole.Owner, cancellationToken) == 1)
        {
            refused = LastOwner;
        }

        if (refused is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return TeamChange.Refused(refused);
        }

        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var done = change(db, membership!, name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (done is not null)
        {
            logger.LogInformation("{Owner} changed {UserId} in {BusinessId}: {Change}", (await scope.UserAsync()).StaffName(), userId, businessId, done);
        }

        return TeamChange.Done(done ?? "Nothing to change.");
    }
}
