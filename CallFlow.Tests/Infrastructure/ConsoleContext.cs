using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CallFlow.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, as the console's components expect.</summary>
public abstract class ConsoleContext : BunitContext
{
    protected ConsoleContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
