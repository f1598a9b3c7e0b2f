using CallFlow.Tests.Infrastructure;
using CallFlow.Web.Businesses;
using CallFlow.Web.Telephony.Simulator;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallFlow.Tests.EndToEnd.Infrastructure;

/// <summary>
/// The real app on Kestrel on a free loopback port, with a temporary SQLite file and the simulated carrier: what a
/// browser and the carrier simulator talk to over real HTTP.
/// </summary>
public sealed class ConsoleServer : CallFlowApp
{
    public const string DemoNumber = DemoBusiness.DefaultPhoneNumber;

    private ConsoleServer()
    {
    }

    /// <summary>Where the server listens (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public static ConsoleServer Start()
    {
        var server = new ConsoleServer();
        server.UseKestrel(0);
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// A caller rings the demo salon: the carrier simulator posts signed webhooks to the Kestrel server, and the
    /// app's simulated carrier follows the call so console actions (hold, resume, …) reach the line.
    /// </summary>
    public async Task<SimulatedCall> DialAsync(string from)
    {
        var leg = await Service<LocalCarrierSimulator>().Create().DialAsync(from, DemoNumber, TestContext.Current.CancellationToken);
        Service<SimulatedCarrierWorker>().Track(leg);
        return leg;
    }
}
