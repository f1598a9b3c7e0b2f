using CallFlow.Domain.Conversation;

namespace CallFlow.Tests.Domain.Conversation;

public class SpeechTests
{
    [Theory]
    [InlineData("2026-03-06", "Friday, March 6th")]
    [InlineData("2026-03-01", "Sunday, March 1st")]
    [InlineData("2026-03-02", "Monday, March 2nd")]
    [InlineData("2026-03-03", "Tuesday, March 3rd")]
    [InlineData("2026-03-11", "Wednesday, March 11th")]
    [InlineData("2026-03-12", "Thursday, March 12th")]
    [InlineData("2026-03-13", "Friday, March 13th")]
    [InlineData("2026-03-21", "Saturday, March 21st")]
    [InlineData("2026-03-22", "Sunday, March 22nd")]
    [InlineData("2026-03-23", "Monday, March 23rd")]
    public void Dates_are_said_with_the_weekday_and_an_ordinal(string date, string said)
    {
        Speech.Date(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(said);
    }

    [Theory]
    [InlineData("15:00", "3 PM")]
    [InlineData("14:30", "2:30 PM")]
    [InlineData("09:05", "9:05 AM")]
    [InlineData("12:00", "noon")]
    [InlineData("12:15", "12:15 PM")]
    [InlineData("00:00", "midnight")]
    [InlineData("00:30", "12:30 AM")]
    public void Times_are_said_on_a_twelve_hour_clock(string time, string said)
    {
        Speech.Time(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(said);
    }

    [Fact]
    public void Lists_join_their_last_item_with_the_conjunction()
    {
        Speech.List(["Haircut"], "or").ShouldBe("Haircut");
        Speech.List(["Haircut", "Color"], "or").ShouldBe("Haircut or Color");
        Speech.List(["Haircut", "Color", "Styling"]).ShouldBe("Haircut, Color and Styling");
    }
}
