using CallFlow.Web.Calendar;
using CallFlow.Web.Calls;
using CallFlow.Web.Components;
using CallFlow.Web.Conversation;
using CallFlow.Web.Data;
using CallFlow.Web.Hosting;
using CallFlow.Web.Identity;
using CallFlow.Web.Live;
using CallFlow.Web.Metrics;
using CallFlow.Web.Recovery;
using CallFlow.Web.Telephony;

if (Commands.TryRun(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddRootConfiguration();
builder.AddCallFlowData();
builder.AddCalls();
builder.AddLiveUpdates();
builder.AddConversation();
builder.AddTelephony();
builder.AddCalendar();
builder.AddCallMetrics();
builder.AddRecovery();
builder.AddOperatorConsole();
builder.AddStaffSignIn();

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();

app.UseOperatorConsole();
app.MapHealth();
app.MapStaffSignIn();
app.MapCallExport();
app.MapMetricsExport();
app.MapTwilioVoice();
app.MapCalendarFeed();
app.MapJobsDashboard();
app.MapOperatorConsole();
app.Run();

public partial class Program;
