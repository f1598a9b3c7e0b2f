namespace CallFlow.Web.Calls;

public enum StaffActionStatus
{
    Done,

    /// <summary>No such call among the businesses the staff member works for (or nobody is signed in).</summary>
    NotFound,

    /// <summary>The call machine does not permit it now (the call moved on since the page was drawn).</summary>
    NotPermitted,

    /// <summary>The input was not acceptable (an empty note, a time in the past, no front-desk number).</summary>
    Invalid,

    /// <summary>The carrier refused or could not be reached; nothing was recorded.</summary>
    CarrierFailed,

    /// <summary>The carrier acted but saving the change failed: the line and the record disagree until the next event.</summary>
    NotRecorded,
}

/// <summary>What came of a staff action, with a sentence to show in the console's snackbar.</summary>
public sealed record StaffActionResult(StaffActionStatus Status, string Message)
{
    public bool Succeeded => Status == StaffActionStatus.Done;

    public static StaffActionResult Done(string message) => new(StaffActionStatus.Done, message);

    public static StaffActionResult Invalid(string message) => new(StaffActionStatus.Invalid, message);

    public static readonly StaffActionResult NotFound =
        new(StaffActionStatus.NotFound, "This call does not exist, or it belongs to a business you cannot act for.");
}
