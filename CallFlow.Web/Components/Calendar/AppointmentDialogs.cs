using MudBlazor;

namespace CallFlow.Web.Components.Calendar;

/// <summary>How the appointment dialogs open: medium width, closed with Escape, never by a stray click outside.</summary>
public static class AppointmentDialogs
{
    public static readonly DialogOptions Options = new()
    {
        MaxWidth = MaxWidth.Small,
        FullWidth = true,
        CloseOnEscapeKey = true,
        BackdropClick = false,
    };
}
