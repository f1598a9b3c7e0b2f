using Stateless.Graph;
using Stateless.Reflection;

namespace CallFlow.Domain.Calls;

/// <summary>The lifecycle described from its own configuration: the Mermaid diagram and the expanded transition table.</summary>
public sealed partial class CallStateMachine
{
    /// <summary>The lifecycle as a Mermaid state diagram, generated from the configuration above.</summary>
    /// <remarks>Ignored triggers are left out: Stateless draws them as self-loops, which reads as a re-entry.</remarks>
    public static string ToMermaid()
    {
        var info = Describe();
        var ignored = info.States
            .SelectMany(s => s.IgnoredTriggers.Select(t => $"{s.UnderlyingState} --> {s.UnderlyingState} : {t.Trigger.UnderlyingTrigger}"))
            .ToHashSet(StringComparer.Ordinal);
        var lines = MermaidGraph.Format(info)
            .Split('\n')
            .Where(line => !ignored.Contains(line.Trim()));
        return string.Join('\n', lines).TrimEnd() + "\n";
    }

    /// <summary>Every configured transition, with inherited superstate transitions expanded onto each substate.</summary>
    public static IReadOnlyList<CallTransitionInfo> Transitions => TransitionTable.Value;

    private static readonly Lazy<IReadOnlyList<CallTransitionInfo>> TransitionTable = new(BuildTransitionTable);

    private static StateMachineInfo Describe()
    {
        var state = CallState.Idle;
        var machine = new CallStateMachine(() => state, s => state = s, new CallContext());
        return machine._machine.GetInfo();
    }

    private static IReadOnlyList<CallTransitionInfo> BuildTransitionTable()
    {
        var info = Describe();
        var byState = info.States.ToDictionary(s => (CallState)s.UnderlyingState);
        var table = new List<CallTransitionInfo>();
        foreach (var (state, stateInfo) in byState)
        {
            var handled = new HashSet<CallTrigger>();
            for (var current = stateInfo; current is not null; current = current.Superstate)
            {
                var own = new HashSet<CallTrigger>();
                foreach (var t in current.FixedTransitions)
                {
                    var trigger = (CallTrigger)t.Trigger.UnderlyingTrigger;
                    if (handled.Contains(trigger)) continue;
                    own.Add(trigger);
                    table.Add(new CallTransitionInfo(state, (CallState)t.DestinationState.UnderlyingState, trigger, GuardText(t.GuardConditionsMethodDescriptions)));
                }

                foreach (var t in current.DynamicTransitions)
                {
                    var trigger = (CallTrigger)t.Trigger.UnderlyingTrigger;
                    if (handled.Contains(trigger)) continue;
                    own.Add(trigger);
                    foreach (var destination in t.PossibleDestinationStates)
                    {
                        table.Add(new CallTransitionInfo(state, Enum.Parse<CallState>(destination.DestinationState), trigger, destination.Criterion));
                    }
                }

                foreach (var t in current.IgnoredTriggers)
                {
                    own.Add((CallTrigger)t.Trigger.UnderlyingTrigger);
                }

                handled.UnionWith(own);
            }
        }

        return table;
    }

    private static string? GuardText(IEnumerable<InvocationInfo> guards)
    {
        var text = string.Join(", ", guards.Select(g => g.Description));
        return text.Length == 0 ? null : text;
    }
}
