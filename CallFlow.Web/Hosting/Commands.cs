using CallFlow.Domain.Calls;

namespace CallFlow.Web.Hosting;

/// <summary>Command-line tools that run instead of the web app: <c>dotnet run --project CallFlow.Web -- diagram</c>.</summary>
public static class Commands
{
    /// <summary>Runs the command named by the first argument, if any; returns false to start the app as usual.</summary>
    public static bool TryRun(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "diagram":
                Console.Write(CallStateMachine.ToMermaid());
                return true;
            default:
                return false;
        }
    }
}
