using CallFlow.Domain.Understanding;
using CallFlow.Web.Calls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlow.Web.Conversation;

public static class ConversationRegistration
{
    /// <summary>
    /// The conversation: the interpreter, the flow store (with its cache), the receptionist the phone line talks to,
    /// and the step failures of callers who leave mid-step (saved with the transition that ends the call). The booking
    /// desk (<c>IBookingDesk</c>) is registered by the calendar.
    /// </summary>
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IInterpreter, RuleBasedInterpreter>();
        services.AddSingleton<FlowStore>();
        services.AddSingleton<IReceptionist, Receptionist>();
        services.AddSingleton<ICallWorkObserver, HangUpStepEvents>();
        return builder;
    }
}
