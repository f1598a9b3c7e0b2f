using CallFlow.Domain.Recovery;

namespace CallFlow.Tests.Domain.Recovery;

public class RecoveryPolicyTests
{
    [Fact]
    public void The_defaults_are_the_issue_s_and_valid()
    {
        var policy = new RecoveryPolicy();

        (policy.ResumeWindow, policy.CallbackDelay).ShouldBe((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(5)));
        policy.Validate().ShouldBeEmpty();
    }

    public static TheoryData<RecoveryPolicy, string> OutOfRange => new()
    {
        { new RecoveryPolicy { ResumeWindow = TimeSpan.FromSeconds(30) }, nameof(RecoveryPolicy.ResumeWindow) },
        { new RecoveryPolicy { CallbackDelay = TimeSpan.FromMinutes(-1) }, nameof(RecoveryPolicy.CallbackDelay) },
        { new RecoveryPolicy { CallbackMaxAttempts = 0 }, nameof(RecoveryPolicy.CallbackMaxAttempts) },
        { new RecoveryPolicy { CallbackSpacing = TimeSpan.FromDays(2) }, nameof(RecoveryPolicy.CallbackSpacing) },
        { new RecoveryPolicy { AfterHours = (AfterHoursCallbacks)9 }, nameof(RecoveryPolicy.AfterHours) },
        { new RecoveryPolicy { SilenceTimeout = TimeSpan.FromSeconds(5) }, nameof(RecoveryPolicy.SilenceTimeout) },
        { new RecoveryPolicy { TimeoutReprompts = 4 }, nameof(RecoveryPolicy.TimeoutReprompts) },
        { new RecoveryPolicy { CommitMaxAttempts = 21 }, nameof(RecoveryPolicy.CommitMaxAttempts) },
        { new RecoveryPolicy { CommitRetryDelay = TimeSpan.FromHours(2) }, nameof(RecoveryPolicy.CommitRetryDelay) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_setting_out_of_range_is_named_with_a_reason(RecoveryPolicy policy, string setting)
    {
        var problem = policy.Validate().ShouldHaveSingleItem();

        problem.Setting.ShouldBe(setting);
        problem.Message.ShouldNotBeNullOrWhiteSpace();
    }
}
