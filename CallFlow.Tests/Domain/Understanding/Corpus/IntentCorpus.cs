namespace CallFlow.Tests.Domain.Understanding.Corpus;

/// <summary>
/// What callers want, by intent. Read at Wednesday 4 March 2026, 10:00, by the demo salon (open Mon–Sat 9–18).
/// Step: open = "how can I help?", booking = mid-booking with no particular question, confirm = the read-back,
/// yes/no = any other yes/no question, service/date/time/name/phone/number/text = the step asking for that.
/// "[keys 1]" is keypad input. Details not listed must NOT be found.
/// </summary>
internal static partial class UtteranceCorpus
{
    public const string Intents = """
        ## Booking
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | I'd like to book a haircut | Book | service=Haircut |
        | open | Can I make an appointment for tomorrow at 3? | Book | date=Thu 2026-03-05; time=15:00 |
        | open | I need a trim on Friday morning | Book | service=Haircut; date=Fri 2026-03-06; time=06:00-12:00 |
        | open | Hi, I want to get my hair colored next Tuesday | Book | service=Color; date=Tue 2026-03-10 |
        | open | Do you have anything available this Saturday afternoon? | Book | date=Sat 2026-03-07; time=12:00-17:00 |
        | open | I'd like to schedule a blowout for the 12th | Book | service=Styling; date=Thu 2026-03-12 |
        | open | Can you fit me in today for a consultation? | Book | service=Consultation; date=Wed 2026-03-04 |
        | open | book me in for highlights on March 20th at 11 | Book | service=Color; date=Fri 2026-03-20; time=11:00 |
        | open | I want to come in for a cut | Book | service=Haircut |
        | open | Are there any openings next week? | Book | |
        | open | I'd like an appointment, please | Book | |
        | open | a haircut tomorrow at 3, it's Dana | Book | service=Haircut; date=Thu 2026-03-05; time=15:00; name=Dana |
        | open | Can I get a blow dry on Saturday at 10am? | Book | service=Styling; date=Sat 2026-03-07; time=10:00 |
        | open | I'm looking to book a consultation for my first visit | Book | service=Consultation |
        | open | Yeah hi, I need to get a kids cut after school on Monday | Book | service=Haircut; date=Mon 2026-03-09; time=after 15:00 |
        | open | Could I book a wedding hair trial on the 28th? | Book | service=Styling; date=Sat 2026-03-28 |
        | open | I'd like to reserve a slot for balayage | Book | service=Color |
        | open | Hello, I'd like to see if I can come in the day after tomorrow | Book | date=Fri 2026-03-06 |
        | open | Any availability on Friday after 4? | Book | date=Fri 2026-03-06; time=after 16:00 |
        | open | I need an appointment, the earliest you have | Book | time=earliest |
        | open | Can I come in first thing in the morning on Thursday? | Book | date=Thu 2026-03-05; time=earliest 06:00-12:00 |
        | open | Set me up for a colour in two weeks | Book | service=Color; date=Wed 2026-03-18 |
        | open | I want a haircut at half past two tomorrow | Book | service=Haircut; date=Thu 2026-03-05; time=14:30 |
        | open | Can I get my roots done Monday at noon | Book | service=Color; date=Mon 2026-03-09; time=12:00 |
        | open | I'd like to book for my daughter, a kids cut | Book | service=Haircut |
        | open | Hi there, this is Priya, I'd like to book a trim | Book | service=Haircut; name=Priya |
        | open | Do you have any slots for an updo on Saturday the 14th? | Book | service=Styling; date=Sat 2026-03-14 |
        | open | I want to book a tint for 3/14 | Book | service=Color; date=Sat 2026-03-14 |
        | open | Could I squeeze in a fringe trim at 5:30? | Book | service=Haircut; time=17:30 |
        | open | What's the earliest you have tomorrow? | Book | date=Thu 2026-03-05; time=earliest |
        | open | May I book a haircut? | Book | service=Haircut |
        | booking | tomorrow at 3 | Book | date=Thu 2026-03-05; time=15:00 |
        | booking | haircut please | Book | service=Haircut |

        ## Reschedule
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | I need to reschedule my appointment | Reschedule | |
        | open | Can I move my appointment to Friday? | Reschedule | date=Fri 2026-03-06 |
        | open | I'd like to change my appointment to next Thursday at 2 | Reschedule | date=Thu 2026-03-12; time=14:00 |
        | open | Could we push back my appointment to the afternoon? | Reschedule | time=12:00-17:00 |
        | open | I have a booking on Tuesday and I want to move it to Wednesday | Reschedule | date=Wed 2026-03-11 |
        | open | Is it possible to rebook for another day? | Reschedule | |
        | open | I can't make my appointment tomorrow, can I come Friday instead? | Reschedule | date=Fri 2026-03-06; not-date=Thu 2026-03-05 |
        | open | I need to postpone my color appointment | Reschedule | service=Color |
        | open | Can we reschedule to the 20th? | Reschedule | date=Fri 2026-03-20 |
        | open | I want to switch my appointment to the morning | Reschedule | time=06:00-12:00 |
        | open | I'd like a different time for my appointment on Saturday | Reschedule | date=Sat 2026-03-07 |
        | open | Hi, it's Dana Smith, I need to reschedule | Reschedule | name=Dana Smith |
        | open | Please move my Friday haircut to Monday | Reschedule | service=Haircut; date=Mon 2026-03-09 |
        | open | I have a 3 o'clock appointment and I'd like to move it to 4 | Reschedule | time=16:00 |

        ## Cancel
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | I need to cancel my appointment | Cancel | |
        | open | Cancel my booking for tomorrow please | Cancel | date=Thu 2026-03-05 |
        | open | I'd like to cancel | Cancel | |
        | open | Can you cancel my haircut on Friday? | Cancel | service=Haircut; date=Fri 2026-03-06 |
        | open | I won't be able to make it, please call it off | Cancel | |
        | open | I can't make it to my appointment | Cancel | |
        | confirm | cancel | Cancel | |
        | confirm | never mind, forget it | Cancel | |
        | open | Please cancel the appointment under Dana Smith | Cancel | name=Dana Smith |
        | open | I have to cancel my color on the 10th | Cancel | service=Color; date=Tue 2026-03-10 |
        | date | actually just cancel the whole thing | Cancel | |

        ## Inquiry: hours
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | What are your hours? | GeneralInquiry | topic=hours |
        | open | What time do you close today? | GeneralInquiry | topic=hours; date=Wed 2026-03-04 |
        | open | Are you open on Sunday? | GeneralInquiry | topic=hours; date=Sun 2026-03-08 |
        | open | How late are you open on Saturday? | GeneralInquiry | topic=hours; date=Sat 2026-03-07 |
        | open | When do you open tomorrow? | GeneralInquiry | topic=hours; date=Thu 2026-03-05 |
        | date | wait, what are your opening hours? | GeneralInquiry | topic=hours |

        ## Inquiry: address
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | What's your address? | GeneralInquiry | topic=address |
        | open | Where are you located? | GeneralInquiry | topic=address |
        | open | Can you give me directions to the salon? | GeneralInquiry | topic=address |
        | open | Where exactly is the salon? | GeneralInquiry | topic=address |

        ## Inquiry: prices
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | How much is a haircut? | GeneralInquiry | topic=prices; service=Haircut |
        | open | What do you charge for highlights? | GeneralInquiry | topic=prices; service=Color |
        | open | What are your prices? | GeneralInquiry | topic=prices |
        | open | How much does a blow dry cost? | GeneralInquiry | topic=prices; service=Styling |

        ## Inquiry: services
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | What services do you offer? | GeneralInquiry | topic=services |
        | open | Do you do balayage? | GeneralInquiry | topic=services; service=Color |
        | open | What kind of treatments do you have? | GeneralInquiry | topic=services |
        | open | Do you offer wedding hair? | GeneralInquiry | topic=services; service=Styling |
        | open | One more thing, do you do highlights? | GeneralInquiry | topic=services; service=Color |

        ## Inquiry: parking
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | Is there parking nearby? | GeneralInquiry | topic=parking |
        | open | Where can I park? | GeneralInquiry | topic=parking |
        | open | Do you have a parking lot? | GeneralInquiry | topic=parking |

        ## Inquiry: cancellation policy
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | What's your cancellation policy? | GeneralInquiry | topic=cancellation |
        | open | What happens if I cancel late? | GeneralInquiry | topic=cancellation |
        | open | Is there a fee if I need to cancel? | GeneralInquiry | topic=cancellation |

        ## Speak to a person
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | Can I speak to someone? | SpeakToPerson | |
        | open | I want to talk to a real person | SpeakToPerson | |
        | open | Operator | SpeakToPerson | |
        | open | Put me through to the front desk please | SpeakToPerson | |
        | open | Let me talk to the manager | SpeakToPerson | |
        | confirm | can I just speak to a human | SpeakToPerson | |
        | date | I'd rather talk to somebody | SpeakToPerson | |
        | open | Are you a robot? Get me a representative | SpeakToPerson | |
        | open | [keys 0] | SpeakToPerson | |
        | open | Can someone call me back about a color? | SpeakToPerson | service=Color |
        | open | Transfer me to the front desk | SpeakToPerson | |
        | open | Can I speak to someone about the price? | SpeakToPerson | topic=prices |

        ## Yes and no
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | confirm | Yes | Yes | |
        | confirm | yeah that's right | Yes | |
        | confirm | Yep, sounds good | Yes | |
        | confirm | That's correct | Yes | |
        | confirm | Perfect, book it | Yes | |
        | confirm | sure | Yes | |
        | confirm | uh huh | Yes | |
        | confirm | okay | Yes | |
        | confirm | absolutely | Yes | |
        | confirm | correct, thank you | Yes | |
        | confirm | no problem | Yes | |
        | confirm | [keys 1] | Yes | |
        | confirm | No | No | |
        | confirm | nope | No | |
        | confirm | No, that's wrong | No | |
        | confirm | that's not right | No | |
        | confirm | not really | No | |
        | confirm | [keys 2] | No | |
        | yes/no | yes please | Yes | |
        | yes/no | that works for me | Yes | |
        | yes/no | go ahead | Yes | |
        | yes/no | no thanks | No | |
        | yes/no | [keys 1] | Yes | |
        | yes/no | [keys 2] | No | |
        | yes/no | [keys 5] | Unknown | |
        | yes/no | I'm not sure | Unknown | |

        ## Change requests
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | confirm | actually make it four | ChangeRequest | time=16:00 |
        | confirm | Can we do Thursday instead? | ChangeRequest | date=Thu 2026-03-05 |
        | confirm | No, make it Friday at 10 | ChangeRequest | date=Fri 2026-03-06; time=10:00 |
        | confirm | Actually, can I change the time to 2? | ChangeRequest | time=14:00 |
        | confirm | Sorry, I meant color, not a haircut | ChangeRequest | service=Color; not-service=Haircut |
        | confirm | How about the 12th? | ChangeRequest | date=Thu 2026-03-12 |
        | confirm | Change the date please | ChangeRequest | field=date |
        | confirm | no, the time is wrong | ChangeRequest | field=time |
        | confirm | Can we switch it to a blow dry | ChangeRequest | service=Styling |
        | confirm | Thursday please | ChangeRequest | date=Thu 2026-03-05 |
        | confirm | Wait, the name is Dana Smith | ChangeRequest | name=Dana Smith |
        | confirm | actually the number is 917 555 0123 | ChangeRequest | phone=+19175550123 |
        | confirm | I'd prefer the afternoon | ChangeRequest | time=12:00-17:00 |
        | confirm | Yes, but make it half past three | ChangeRequest | time=15:30 |
        | confirm | not Tuesday, Wednesday | ChangeRequest | date=Wed 2026-03-11; not-date=Tue 2026-03-10 |
        | confirm | Instead of 3, can we do 4? | ChangeRequest | time=16:00; not-time=15:00 |
        | confirm | no, the 5th | ChangeRequest | date=Thu 2026-03-05 |
        | confirm | make it a trim instead | ChangeRequest | service=Haircut |
        | confirm | actually I can't do Friday, how about Monday morning | ChangeRequest | date=Mon 2026-03-09; not-date=Fri 2026-03-06; time=06:00-12:00 |
        | booking | actually, make it Saturday | ChangeRequest | date=Sat 2026-03-07 |
        | time | Actually can we do Thursday instead, at 11 | ChangeRequest | date=Thu 2026-03-05; time=11:00 |
        | confirm | Correct except the time should be 4 | ChangeRequest | time=16:00 |
        | confirm | the name is wrong | ChangeRequest | field=customerName |
        | confirm | Hmm no wait, 3:30 not 3 | ChangeRequest | time=15:30 |

        ## Goodbye
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | Bye | Goodbye | |
        | open | Thanks, goodbye | Goodbye | |
        | open | That's all I needed, thank you | Goodbye | |
        | open | no thanks | Goodbye | |
        | open | Have a nice day | Goodbye | |
        | open | Nothing else, bye bye | Goodbye | |
        | confirm | bye | Goodbye | |
        | open | thank you | Goodbye | |
        | open | I'm all set, thanks | Goodbye | |
        | open | OK thanks, see you | Goodbye | |

        ## Unknown
        | Step | Caller says | Intent | Details |
        |---|---|---|---|
        | open | Hmm | Unknown | |
        | open | What's the weather like? | Unknown | |
        | open | Do you have wifi? | Unknown | |
        | open | blah blah | Unknown | |
        | open | I was just wondering | Unknown | |
        | open | uh | Unknown | |
        | open | Is this the pizza place? | Unknown | |
        | open | [keys 7] | Unknown | |
        | open | My dog is called Rex | Unknown | |
        | open | purple monkey dishwasher | Unknown | |
        | open | Good morning | Unknown | |
        """;
}
