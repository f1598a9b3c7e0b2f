namespace CallFlow.Web.Identity;

/// <summary>
/// What a staff member may do in one business. Ordered: an owner can do everything front desk can.
/// The role belongs to the membership, not to the user, so an owner of one salon can be front desk at another.
/// </summary>
public enum StaffRole
{
    /// <summary>Watches and handles calls, appointments and callbacks.</summary>
    FrontDesk = 0,

    /// <summary>Front desk, plus settings, flows and the jobs dashboard.</summary>
    Owner = 1,
}
