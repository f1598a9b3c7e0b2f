using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CallFlow.Web.Telephony.Simulator;

/// <summary>How the simulator reaches this app: its address and the handler that carries the requests.</summary>
/// <remarks>Tests register one over the in-memory test server; the app itself goes over the loopback network.</remarks>
public sealed record SimulatorTransport(Uri BaseAddress, Func<HttpMessageHandler> CreateHandler);

/// <summary>Creates <see cref="CarrierSimulator"/>s that play the carrier against this very app, signed with its own token.</summary>
public sealed class LocalCarrierSimulator(
    IServer server,
    IOptions<CarrierOptions> carrier,
    IOptions<TwilioOptions> twilio,
    SimulatorTransport? transport = null)
{
    private static readonly Lazy<HttpMessageHandler> Loopback = new(() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    public CarrierSimulator Create()
    {
        var (address, handler) = transport is { } given
            ? (given.BaseAddress, given.CreateHandler())
            : (OwnAddress(), Loopback.Value);
        var http = new HttpClient(handler, disposeHandler: transport is not null)
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var options = twilio.Value;
        return new CarrierSimulator(http, options.AuthToken, options.PublicBase, options.AccountSid);
    }

    private Uri OwnAddress()
    {
        if (!string.IsNullOrWhiteSpace(carrier.Value.SimulatorBaseUrl))
        {
            return new Uri(carrier.Value.SimulatorBaseUrl.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server listens nowhere yet; set Carrier:SimulatorBaseUrl.");

        // A wildcard binding (http://+:5080, http://0.0.0.0:5080, http://[::]:5080) is reached on loopback.
        var uri = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "localhost";
        }

        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
