namespace CallFlow.Tests.Domain.Understanding.Corpus;

internal static partial class UtteranceCorpus
{
    /// <summary>Who is calling and how to reach them, counts, and things that must NOT be read into what was said.</summary>
    public const string Caller = """
        ## Names
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | name | Dana Smith | Book | name=Dana Smith |
        | name | it's Dana Smith | Book | name=Dana Smith |
        | name | my name is Priya Patel | Book | name=Priya Patel |
        | name | This is Marcus | Book | name=Marcus |
        | name | I'm Jo | Book | name=Jo |
        | name | uh, Dana | Book | name=Dana |
        | name | Smith | Book | name=Smith |
        | name | dana smith | Book | name=Dana Smith |
        | name | call me Sam | Book | name=Sam |
        | name | The name's O'Brien | Book | name=O'Brien |
        | name | Mary-Jane Watson | Book | name=Mary-Jane Watson |
        | name | D A N A | Book | name=Dana |
        | name | Dana Smith, thanks | Book | name=Dana Smith |
        | name | my first name is Grace | Book | name=Grace |
        | name | It's April Jones | Book | name=April Jones |
        | name | Will | Book | name=Will |
        | name | my name is Will Smith | Book | name=Will Smith |
        | name | McKenzie | Book | name=McKenzie |
        | name | Ms. Garcia | Book | name=Ms Garcia |
        | name | I'd rather not say | Unknown | |
        | open | Hi, this is Dana, I'd like to book a haircut | Book | name=Dana; service=Haircut |
        | open | My name is Luis Garcia and I need a trim tomorrow | Book | name=Luis Garcia; service=Haircut; date=Thu 2026-03-05 |
        | open | I'm looking for a haircut | Book | service=Haircut |
        | open | It's for tomorrow | Book | date=Thu 2026-03-05 |
        | open | this is great, I want a blowout | Book | service=Styling |
        | open | I'm interested in highlights | Book | service=Color |
        | open | I'm calling about an appointment | Book | |

        ## Phone numbers
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | phone | 212 555 0147 | Book | phone=+12125550147 |
        | phone | two one two five five five oh one four seven | Book | phone=+12125550147 |
        | phone | two one two, double five five, oh one four seven | Book | phone=+12125550147 |
        | phone | 917-555-0123 | Book | phone=+19175550123 |
        | phone | (718) 555-0134 | Book | phone=+17185550134 |
        | phone | +1 646 555 0198 | Book | phone=+16465550198 |
        | phone | plus one six four six five five five zero one nine eight | Book | phone=+16465550198 |
        | phone | my number is 347 555 0110 | Book | phone=+13475550110 |
        | phone | area code 212, then 555 0147 | Book | phone=+12125550147 |
        | phone | it's 212 555 0147, and my name is Dana | Book | phone=+12125550147; name=Dana |
        | phone | five five five one two three four | Book | phone=invalid |
        | phone | two one two five five five zero one four | Book | phone=invalid |
        | phone | 555 12 | Book | phone=invalid |
        | phone | [keys 2125550147] | Book | phone=+12125550147 |
        | phone | [keys 123] | Book | phone=invalid |
        | phone | same number I'm calling from | Book | phone=caller |
        | phone | this number | Book | phone=caller |
        | phone | you can use the one I'm calling from | Book | phone=caller |
        | phone | not this number, use 917 555 0123 | Book | phone=+19175550123 |
        | open | book me a haircut tomorrow at 3, my number is 212 555 0147 | Book | service=Haircut; date=Thu 2026-03-05; time=15:00; phone=+12125550147 |

        ## Counts
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | number | three | Book | number=3 |
        | number | 2 | Book | number=2 |
        | number | just the two of us | Book | number=2 |
        | number | [keys 4] | Book | number=4 |
        | text | I have very curly hair, please use a gentle shampoo | Book | |

        ## Must not match
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | date | I can't do Tuesday | Book | not-date=Tue 2026-03-10; negated |
        | date | Tuesday doesn't work for me | Book | not-date=Tue 2026-03-10 |
        | date | not Tuesday | Book | not-date=Tue 2026-03-10 |
        | date | anything but Monday | Book | not-date=Mon 2026-03-09 |
        | date | I'm busy on Friday, Saturday is good | Book | date=Sat 2026-03-07; not-date=Fri 2026-03-06 |
        | open | I can't do Tuesday | Unknown | not-date=Tue 2026-03-10 |
        | date | any day except Friday | Book | not-date=Fri 2026-03-06 |
        | open | I'm busy all week except Friday | Book | date=Fri 2026-03-06 |
        | open | I'm off on Thursday, can I come in then? | Book | date=Thu 2026-03-05 |
        | service | not the color | Book | not-service=Color; negated |
        | service | no color, just a trim | Book | service=Haircut; option=Haircut; not-service=Color |
        | open | I don't want a haircut | Unknown | not-service=Haircut; negated |
        | time | not at 3 | Book | not-time=15:00; negated |
        | time | 3 doesn't work | Book | not-time=15:00 |
        | time | anything but the morning | Book | not-time=06:00-12:00 |
        | time | no, not the morning | Book | not-time=06:00-12:00 |
        | open | no thanks | Goodbye | |
        | confirm | that's not my number | ChangeRequest | field=customerPhone |
        | yes/no | that's not my number | No | |
        | phone | that's not my number | No | |
        | open | I want to book, not cancel | Book | |
        | open | I don't want to cancel, I'd like to book a trim | Book | service=Haircut |
        | open | I don't need to speak to anyone, just book me in for Friday | Book | date=Fri 2026-03-06 |
        | open | Good afternoon, I'd like to book a haircut | Book | service=Haircut |
        | open | My kid is 5 | Unknown | |
        | open | I have 2 kids who need haircuts | Book | service=Haircut |
        | open | It's for 2 people | Unknown | |
        | open | May I come in? | Book | |
        | open | I'll be there in a minute | Unknown | |
        | open | I need it done by Friday | Book | date=Fri 2026-03-06 |
        | yes/no | I'm fine | Yes | |
        | confirm | right now is fine | Yes | |
        | open | right now | Unknown | |
        """;
}
