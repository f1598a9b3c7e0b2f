namespace CallFlow.Tests.Domain.Understanding.Corpus;

internal static partial class UtteranceCorpus
{
    /// <summary>Services, days and times. Today is Wednesday 4 March 2026; "Friday" is the 6th, "next Friday" the 13th.</summary>
    public const string Entities = """
        ## Services
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | service | Haircut | Book | service=Haircut; option=Haircut |
        | service | a trim | Book | service=Haircut; option=Haircut |
        | service | color please | Book | service=Color; option=Color |
        | service | I'd like highlights | Book | service=Color; option=Color |
        | service | balayage | Book | service=Color; option=Color |
        | service | just a blow dry | Book | service=Styling; option=Styling |
        | service | blowout | Book | service=Styling; option=Styling |
        | service | an updo for a wedding | Book | service=Styling; option=Styling |
        | service | consultation | Book | service=Consultation; option=Consultation |
        | service | I just need some advice | Book | service=Consultation; option=Consultation |
        | service | a dye job | Book | service=Color; option=Color |
        | service | the first one | Book | option=Haircut |
        | service | option three | Book | option=Styling |
        | service | number 2 | Book | option=Color |
        | service | 4 | Book | option=Consultation |
        | service | the last one | Book | option=Consultation |
        | service | [keys 2] | Book | option=Color |
        | service | [keys 9] | Unknown | |
        | open | I need a haircutt | Book | service=Haircut |
        | open | can I get a colr | Book | service=Color |
        | open | I want a mens cut | Book | service=Haircut |
        | open | womens cut please | Book | service=Haircut |
        | open | hair colour | Book | service=Color |
        | open | my roots done | Book | service=Color |
        | open | I'd like a free consultation | Book | service=Consultation |
        | open | a blow-dry | Book | service=Styling |
        | open | styling for prom | Book | service=Styling |
        | open | can I get my hair trimmed | Book | service=Haircut |
        | open | a cut and color | Book | services=Haircut, Color |
        | open | I'd like to get a trim and a blow dry | Book | services=Haircut, Styling |
        | open | I need my hair done | Book | |
        | open | Can I book a massage? | Book | |

        ## Dates
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | date | today | Book | date=Wed 2026-03-04 |
        | date | tomorrow | Book | date=Thu 2026-03-05 |
        | date | the day after tomorrow | Book | date=Fri 2026-03-06 |
        | date | Friday | Book | date=Fri 2026-03-06 |
        | date | this Friday | Book | date=Fri 2026-03-06 |
        | date | next Friday | Book | date=Fri 2026-03-13 |
        | date | Monday | Book | date=Mon 2026-03-09 |
        | date | next Monday | Book | date=Mon 2026-03-09 |
        | date | Wednesday | Book | date=Wed 2026-03-11 |
        | date | this Wednesday | Book | date=Wed 2026-03-04 |
        | date | next Wednesday | Book | date=Wed 2026-03-11 |
        | date | on Saturday | Book | date=Sat 2026-03-07 |
        | date | next Saturday | Book | date=Sat 2026-03-14 |
        | date | Thursday | Book | date=Thu 2026-03-05 |
        | date | next Thursday | Book | date=Thu 2026-03-12 |
        | date | this coming Tuesday | Book | date=Tue 2026-03-10 |
        | date | Sunday | Book | date=Sun 2026-03-08 |
        | date | Friday next week | Book | date=Fri 2026-03-13 |
        | date | Friday after next | Book | date=Fri 2026-03-13 |
        | date | this weekend | Book | date=Sat 2026-03-07 |
        | date | the 5th | Book | date=Thu 2026-03-05 |
        | date | the fifth | Book | date=Thu 2026-03-05 |
        | date | on the 4th | Book | date=Wed 2026-03-04 |
        | date | the 3rd | Book | date=Fri 2026-04-03 |
        | date | The 2nd | Book | date=Thu 2026-04-02 |
        | date | the 31st | Book | date=Tue 2026-03-31 |
        | date | the twenty-first | Book | date=Sat 2026-03-21 |
        | date | the twenty first | Book | date=Sat 2026-03-21 |
        | date | Monday the 9th | Book | date=Mon 2026-03-09 |
        | date | Tuesday the 17th | Book | date=Tue 2026-03-17 |
        | date | the 1st of next month | Book | date=Wed 2026-04-01 |
        | date | the first Monday in April | Book | date=Mon 2026-04-06 |
        | date | the last Friday of the month | Book | date=Fri 2026-03-27 |
        | date | the first Monday in March | Book | date=Mon 2027-03-01 |
        | date | March 3rd | Book | date=Wed 2027-03-03 |
        | date | March 10th | Book | date=Tue 2026-03-10 |
        | date | April 2nd | Book | date=Thu 2026-04-02 |
        | date | the third of April | Book | date=Fri 2026-04-03 |
        | date | March the twentieth | Book | date=Fri 2026-03-20 |
        | date | December 25 | Book | date=Fri 2026-12-25 |
        | date | February 14th | Book | date=Sun 2027-02-14 |
        | date | March 3rd 2027 | Book | date=Wed 2027-03-03 |
        | date | 3/14 | Book | date=Sat 2026-03-14 |
        | date | 3/1 | Book | date=Mon 2027-03-01 |
        | date | 12/1 | Book | date=Tue 2026-12-01 |
        | date | in two weeks | Book | date=Wed 2026-03-18 |
        | date | in a week | Book | date=Wed 2026-03-11 |
        | date | in 3 days | Book | date=Sat 2026-03-07 |
        | date | in a couple of days | Book | date=Fri 2026-03-06 |
        | date | two weeks from today | Book | date=Wed 2026-03-18 |
        | date | a week from tomorrow | Book | date=Thu 2026-03-12 |
        | date | a week from Friday | Book | date=Fri 2026-03-13 |
        | date | in a month | Book | date=Sat 2026-04-04 |
        | date | 14 | Book | date=Sat 2026-03-14 |
        | date | [keys 20] | Book | date=Fri 2026-03-20 |
        | date | the 30th of February | Unknown | |
        | date | whenever suits you | Book | time=any time |

        ## Times
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | time | 3 | Book | time=15:00 |
        | time | at 3 | Book | time=15:00 |
        | time | 3pm | Book | time=15:00 |
        | time | 3 p.m. | Book | time=15:00 |
        | time | three | Book | time=15:00 |
        | time | three thirty | Book | time=15:30 |
        | time | half past two | Book | time=14:30 |
        | time | quarter to five | Book | time=16:45 |
        | time | a quarter past ten | Book | time=10:15 |
        | time | ten past four | Book | time=16:10 |
        | time | twenty to five | Book | time=16:40 |
        | time | noon | Book | time=12:00 |
        | time | 12 noon | Book | time=12:00 |
        | time | 10am | Book | time=10:00 |
        | time | 10:30 | Book | time=10:30 |
        | time | 2:45 pm | Book | time=14:45 |
        | time | 15:00 | Book | time=15:00 |
        | time | 9 in the morning | Book | time=09:00 |
        | time | 4 in the afternoon | Book | time=16:00 |
        | time | three o'clock | Book | time=15:00 |
        | time | at 10 | Book | time=10:00 |
        | time | at 9 | Book | time=09:00 |
        | time | at 11 | Book | time=11:00 |
        | time | at 12 | Book | time=12:00 |
        | time | at 1 | Book | time=13:00 |
        | time | 5 | Book | time=17:00 |
        | time | two forty five | Book | time=14:45 |
        | time | three oh five | Book | time=15:05 |
        | time | [keys 1530] | Book | time=15:30 |
        | time | morning | Book | time=06:00-12:00 |
        | time | in the afternoon | Book | time=12:00-17:00 |
        | time | evening | Book | time=17:00-21:00 |
        | time | late afternoon | Book | time=15:00-17:00 |
        | time | after 4 | Book | time=after 16:00 |
        | time | any time after 3 | Book | time=after 15:00 |
        | time | before noon | Book | time=before 12:00 |
        | time | before 11 | Book | time=before 11:00 |
        | time | between 2 and 4 | Book | time=14:00-16:00 |
        | time | from 1 to 3 | Book | time=13:00-15:00 |
        | time | first thing in the morning | Book | time=earliest 06:00-12:00 |
        | time | the earliest you have | Book | time=earliest |
        | time | as soon as possible | Book | time=earliest |
        | time | the latest you have | Book | time=latest |
        | time | after lunch | Book | time=after 13:00 |
        | time | around lunchtime | Book | time=11:30-13:30 |
        | time | anytime | Book | time=any time |
        | time | 3 or later | Book | time=after 15:00 |
        | time | not before 10 | Book | time=after 10:00 |
        | open | Saturday at 4:15 | Book | date=Sat 2026-03-07; time=16:15 |
        | open | Sunday at 3 | Book | date=Sun 2026-03-08; time=15:00 |
        | open | tonight at 7 | Book | date=Wed 2026-03-04; time=19:00 |
        | open | this afternoon at 2 | Book | date=Wed 2026-03-04; time=14:00 |
        | open | tomorrow morning at 8 | Book | date=Thu 2026-03-05; time=08:00 |
        | open | Friday at 6 in the evening | Book | date=Fri 2026-03-06; time=18:00 |
        | booking | 4 | Unknown | |
        """;
}
