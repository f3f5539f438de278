"""Every word list the stages read, in one place (standard library only).

The lists are general English: how numbers, dates, hedges, units and attributions are written
in news and reports, whatever the story. Names of people, places, organisations and peoples
are never listed here: they come from the parse's named entities and the alias table
(``ontology/entities.ttl``).
"""

from __future__ import annotations

import calendar
import re
from typing import Literal, get_args

# ==================================================================================== calendar

#: Month names as written in text, full and abbreviated (a regular-expression alternation).
MONTHS_PATTERN = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
#: Full month names, capitalised (a bare "May" is a month only after a preposition).
FULL_MONTHS_PATTERN = "|".join(m for m in calendar.month_name if m)
#: Month names and abbreviations -> month number.
MONTH_NUMBERS: dict[str, int] = {
    **{m.lower(): i for i, m in enumerate(calendar.month_abbr) if m},
    **{m.lower(): i for i, m in enumerate(calendar.month_name) if m},
    "sept": 9,
}
WEEKDAYS: dict[str, int] = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS_PATTERN = "|".join(calendar.day_name)
#: A time of day ("9 a.m.", "10:30 p.m."): alone, the day of the report.
CLOCK_TIME = re.compile(r"(?:1[0-2]|[1-9])(?::[0-5]\d)?\s?[ap]\.m\.", re.I)
#: Words before two numbers that make them a tally, not a range ("by a vote of 67 to 31", "lost the
#: vote 49-51", "drew 2-2").
TALLY_WORDS = frozenset("vote votes voted voting ballot score scored won lost beat beaten defeated drew tied "
                        "trailed led ruled margin".split())
#: Words that may follow a tally, where a range is followed by what it counts ("67 to 31 on
#: Thursday", "49-51 against"; "30 to 40 votes" is a range).
TALLY_FOLLOWERS = frozenset("on in to at for against with after before and but as in favour favor".split())
#: Dashes that end a wire story's dateline ("OSLO, March 3 — ..."); a hyphen ends one only after a
#: place in capitals ("NAIROBI, Kenya (Reuters) - ...").
DATELINE_DASHES = ("—", "–", "--")
#: Plurals without an "s" ("2.3m people").
IRREGULAR_PLURALS = frozenset("people children men women".split())
#: Words before a unit of time that make it a time, not a length ("last year", "the past week").
TIME_DETERMINERS = frozenset("last next this past previous coming following".split())
#: Words after a span of time that place it before or after another ("a year earlier", "two days later").
RELATIVE_TIME_WORDS = frozenset("ago earlier later before after".split())
#: Units of time: a figure in them is a duration or an age, not an amount of a thing.
TIME_UNITS = frozenset("second minute hour day week month quarter year decade century".split())
#: Units of time of which any stretch is long ("for a decade, the firm abused ...").
LONG_TIME_UNITS = frozenset("month quarter year decade century".split())

# ==================================================================================== numbers

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1,
}
UNITS_WORD_PATTERN = r"ones?|twos?|three|four|five|six|seven|eight|nine"
TENS_WORD_PATTERN = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
TEENS_WORD_PATTERN = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12,
    "tn": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}
SCALE_PATTERN = r"hundred|thousand|million|billion|trillion|mn|bn|tn|lakhs?|crores?"
#: Scales written onto the number ("£3.5bn", "$20m", "2.3m people", "$40k"); "m" and "k" only
#: after a currency sign or before what they count, since "a 100m sprint" is metres.
ATTACHED_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
#: Fractions as shares in percent.
FRACTIONS: dict[str, float] = {
    "half": 50.0, "one-half": 50.0, "one half": 50.0, "one-third": 100 / 3, "one third": 100 / 3,
    "a third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "one-quarter": 25.0, "one quarter": 25.0,
    "a quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0, "one-fifth": 20.0, "one fifth": 20.0,
    "a fifth": 20.0, "one-tenth": 10.0, "one tenth": 10.0, "a tenth": 10.0,
}
FRACTION_PATTERN = (
    r"one[- ]half|half|one[- ]third|a\s+third|two[- ]thirds|one[- ]quarter|a\s+quarter|"
    r"three[- ]quarters|one[- ]fifth|a\s+fifth|one[- ]tenth|a\s+tenth"
)
#: Vague quantities as ranges: "tens of thousands" is 20,000-90,000.
VAGUE: dict[str, tuple[float, float]] = {
    "a dozen": (12, 12), "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2e3, 9999),
    "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9), "tens of thousands": (2e4, 9e4),
    "hundreds of thousands": (2e5, 9e5), "tens of millions": (2e7, 9e7), "hundreds of millions": (2e8, 9e8),
    "tens of billions": (2e10, 9e10), "hundreds of billions": (2e11, 9e11), "millions of thousands": (2e6, 9.99e6),
}
VAGUE_PATTERN = (
    r"(?:tens|hundreds|thousands|millions)\s+of\s+(?:thousands|millions|billions)|"
    r"a\s+dozen|dozens|scores|hundreds|thousands|millions|billions"
)
#: Telephone numbers for emergencies: "911 calls" names a line, not a count.
EMERGENCY_NUMBERS = frozenset("911 999 112 000 111 119 110 100 101 102 108 999".split())
#: Words before a number that make it a label or an identifier ("Resolution 2397", "Flight 370").
IDENTIFIER_WORDS = (
    "resolution|no|number|nos|section|article|chapter|brief|paragraph|clause|item|vol|volume|issue|"
    "page|pp?|rule|act|law|decree|order|flight|route|room|code|version|model|grade|level|phase|stage|"
    "highway|channel|ward|district|unit|view|views|episode|part|figure|table|file"
)
#: Words after "the NNNN" that make the number part of a name ("the 2018 summit").
NAMED_OCCASIONS = "summit|attack|invasion|election|games|olympics|war|crisis|census|agreement|treaty"

# ==================================================================================== money

#: Currency signs and codes, and the names by which English news means one currency of several that
#: share them ("dollars" are US dollars), -> ISO 4217 code. ``currencies`` adds every currency's name.
CURRENCIES: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD", "€": "EUR", "eur": "EUR",
    "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP", "₩": "KRW", "krw": "KRW",
    "won": "KRW", "¥": "JPY", "jpy": "JPY", "yen": "JPY", "yuan": "CNY", "cny": "CNY", "rub": "RUB",
    "rubles": "RUB", "roubles": "RUB", "₹": "INR", "rupees": "INR", "inr": "INR", "chf": "CHF", "francs": "CHF",
    "c$": "CAD", "s$": "SGD", "rs": "INR",
}
#: Last words of currencies' English names that are also everyday English after a number ("3
#: marks", "two real problems", "5 gold medals", "two Afghanis"): read as currencies only in a
#: full name ("Brazilian reals").
CURRENCY_HOMOGRAPHS = frozenset("gold mark marks real reals sol afghani afghanis".split())
#: Codes written before a figure ("USD 5 million"); ``currencies`` adds every sign ("$", "CA$", "₪").
CURRENCY_CODES_BEFORE = r"USD\s?|EUR\s?|GBP\s?|KRW\s?|JPY\s?|CNY\s?|RUB\s?|INR\s?|CHF\s?|\bRs\.?\s?"

# ==================================================================================== hedges

#: Hedge words -> the bound they set on a figure.
QUALIFIERS: list[tuple[str, str]] = [
    ("at_least", r"more than|over|at least|upwards of|in excess of|no fewer than|no less than|above|"
                 r"exceed(?:s|ed|ing)?|top(?:s|ped)?|surpass(?:es|ed)?|just over|or more|-plus|plus"),
    ("at_most", r"up to|as many as|as much as|less than|fewer than|under|below|no more than|at most|or less|"
                r"or fewer"),
    ("approx", r"about|approximately|around|roughly|nearly|almost|some|close to|circa|an? estimated|"
               r"estimated|just under|approx\.|or so"),
]
#: The hedges of QUALIFIERS that follow a figure ("12,000 or more", "500-plus"); the others precede it.
HEDGES_AFTER = frozenset({"or more", "-plus", "plus", "or less", "or fewer", "or so"})
#: Hedges of a figure just below the value it names ("nearly 8,000" is 7,600-8,000).
BELOW_HEDGES = ("nearly", "almost", "just under", "close to", "up to")
#: Upper bounds that report a value reached ("killed up to 60 percent", "as many as 12,000 fled"),
#: unlike limits ("less than 60 percent"): compared with other reports as about the bound.
REACHED_BOUNDS = ("up to", "as many as", "as much as")
MODAL_VERBS = frozenset("could may might would".split())
#: Verbs whose complement is denied ("denied that troops had crossed", "denied breaching sanctions").
DENIAL_VERBS = frozenset("deny refute dispute".split())
MODAL_WORDS = frozenset(
    "reportedly allegedly purportedly projected expected forecast forecasted estimated plans planned likely "
    "hopes hope aims aim intends seeks wants".split()
)

# ==================================================================================== attribution

SPEECH_VERBS = frozenset(
    "say tell report claim state note announce reveal confirm warn add explain recall suggest indicate show "
    "find estimate disclose allege write insist argue assert acknowledge admit predict forecast testify "
    "conclude speculate believe publish expect project anticipate assure describe recount stress emphasise "
    "emphasize".split()
)
#: Verbs of expectation: what they report speaks for its own sentence only.
FORECAST_VERBS = frozenset("expect project anticipate predict forecast see".split())
#: Verbs that report speech only without a direct object ("he added", not "savings add $200 million").
OBJECTLESS_SPEECH = frozenset("add note state explain recall warn insist argue".split())
#: Verbs by which data, not people, report ("the figures show").
DATA_VERBS = frozenset("show indicate find suggest reveal".split())
#: Verbs of a participle that names who published, compiled or cited data ("figures released by X").
PUBLISHING_VERBS = frozenset(
    "release publish compile collect provide issue gather cite quote report produce survey poll interview".split()
)
#: Of those, the ones by which a second party passes on the first's data.
CITING_VERBS = frozenset("cite quote report".split())
INFO_NOUNS = frozenset(
    "data figure figures statistic statistics report reports document documents record records estimate "
    "estimates study survey investigation analysis briefing briefings assessment census poll numbers "
    "information intelligence post posts statement statements filing filings audit audits review inquiry "
    "probe".split()
)
#: Common nouns that stand for the organisation named beside them ("the outlet Mediazona").
ORG_HEADS = frozenset(
    "outlet newspaper paper agency ministry media broadcaster website site service daily channel network "
    "station institute committee council government office bureau department organization organisation "
    "think-tank tank group body authority authorities commission panel watchdog delegation".split()
)
GROUP_NOUNS = frozenset(
    "officials defectors experts analysts lawmakers diplomats residents sources observers researchers "
    "activists authorities officers insiders employers witnesses critics media outlets reports".split()
)
ANONYMOUS_NOUNS = frozenset("source official insider person resident diplomat defector witness".split())

# ==================================================================================== what is counted

#: Nouns for people by role: a figure counting them counts persons.
PERSON_NOUNS = frozenset(
    "worker laborer labourer migrant people person individual citizen national resident student soldier troop "
    "deminer defector employee refugee civilian child woman man member official delegate tourist visitor "
    "casualty prisoner personnel engineer specialist doctor teacher builder miner logger returnee recruit "
    "conscript volunteer fighter passenger patient voter elector victim survivor adult teen teenager "
    "player fan customer user subscriber shareholder investor pupil nurse officer staff staffer suspect "
    "defendant plaintiff witness gunman assailant attacker perpetrator hostage driver pilot crew rescuer "
    "protester demonstrator activist researcher scientist journalist reporter lawmaker legislator candidate "
    "athlete coach rebel insurgent militant separatist guerrilla firefighter paramedic judge prosecutor "
    "senator captain hacker agent guard inspector diplomat envoy negotiator spokesperson spokesman "
    "spokeswoman analyst economist lawyer attorney banker trader farmer".split()
)
#: Nouns of craft and vehicles: they move, and a landing or a sailing is theirs ("the probe landed").
VEHICLE_NOUNS = frozenset("plane aircraft airliner jet flight helicopter ship vessel ferry tanker freighter boat "
                          "submarine train convoy truck rocket probe spacecraft lander satellite drone".split())
#: Nouns for people that name many, not one ("staff", not "the patient").
COLLECTIVE_PERSON_NOUNS = frozenset("people personnel staff crew".split())
#: Nouns for one person by kin or age ("the boy", "her husband").
KIN_NOUNS = frozenset("boy girl father mother son daughter husband wife brother sister".split())
#: Nouns for one person of either sex: "he" stands for no "woman", "she" for no "man".
MALE_NOUNS = frozenset("man boy father son husband brother king".split())
FEMALE_NOUNS = frozenset("woman girl mother daughter wife sister queen".split())
#: Particles that make another verb of a level verb ("dropped out", "took over").
VERB_PARTICLES = frozenset({"out", "up", "off", "down", "over", "back", "away"})
#: Titles of office: nouns for the person who holds one ("fired its chief executive").
TITLE_NOUNS = frozenset("president chairman chairwoman chair executive chief ceo cfo minister secretary governor mayor "
                        "director manager head commissioner ambassador general colonel admiral lieutenant sergeant "
                        "marshal".split())
#: Verbs whose subject is a person ("125 died", "300 fled").
HUMAN_VERBS = frozenset(
    "arrive remain work live die flee return enter leave stay travel come go serve fight defect vote march "
    "protest rally gather demonstrate".split()
)
#: Nouns of change: "an increase of 5%", "sales growth of 3%" measure what changes, not the change.
CHANGE_NOUNS = frozenset("increase rise growth jump surge decrease decline drop fall gain loss cut".split())
#: Verbs that carry a figure as the level or change of their subject ("the deficit reached $2 billion").
LEVEL_VERBS = frozenset(
    "reach grow rise increase hit total stand exceed fall drop climb top surge swell decline slide slip "
    "jump soar plunge tumble gain lose sink".split()
)
#: Verbs of level whose object, counted, is what is lost or gained, not the level ("the economy lost
#: 12,000 jobs", against "the index lost 2%").
LOST_OR_GAINED = frozenset("lose gain".split())
#: Verbs that say nothing of what is measured: being, having, reporting, and light verbs.
LIGHT_VERBS = frozenset(
    "be have do get make take give put include number total reach stand say tell report show estimate "
    "expect predict project forecast see find note add account compare issue grant".split()
)
#: Words that never name what a figure measures: pronouns and determiners standing for a noun.
NOT_MEASURES = frozenset("it they them this that these those he she we who which what one other another "
                         "each all some both many few more most".split())
#: Ways of naming one measured thing: the canonical word first, then the words that mean the same.
#: General news vocabulary only; names of peoples or places never appear here.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "person": ("people", "persons", "individual", "passenger", "resident", "civilian", "citizen", "national"),
    "worker": ("laborer", "labourer", "employee", "staff", "staffer", "workforce", "labor", "labour", "migrant"),
    "troop": ("soldier", "serviceman", "servicemember", "fighter"),
    "company": ("firm", "business", "enterprise", "corporation"),
    "death": ("fatality", "dead", "die", "kill", "killed", "death toll", "toll", "wipe out", "perish"),
    "injury": ("injured", "wounded", "injure", "wound", "hurt"),
    "earnings": ("earning", "profit", "income", "earn", "net income"),
    "pay": ("wage", "salary", "paycheck"),
    "forecast": ("expect", "expectation", "predict", "prediction", "project", "projection", "anticipate",
                 "estimate", "consensus"),
    "shortage": ("gap", "shortfall", "deficit"),
    "arrest": ("detain", "detention", "detainee"),
    "evacuation": ("evacuate", "evacuee"),
    "arrival": ("arrive", "enter", "entry", "come", "visit", "visitor"),
    "departure": ("depart", "leave", "exit"),
    "revenue": ("sale", "sales", "turnover"),
    "price": ("cost",),
    "vote": ("ballot",),
    "job": ("position", "post"),
    "home": ("house", "dwelling", "residence"),
    "case": ("infection",),
    "earthquake": ("quake", "tremor"),
}
#: What befalls people, as canonical words: "12 people were killed" measures deaths, "2,000
#: tourists arrived" arrivals.
OUTCOMES = frozenset("death injury arrest evacuation arrival departure".split())
#: Nouns of amount that say nothing of what they hold: "a total of 30 cases" measures cases.
NEUTRAL_HOLDERS = frozenset(
    "number total count sum amount figure group batch team crowd fleet wave contingent force set series "
    "lot handful couple pair dozen majority minority share proportion percentage portion fraction part rest "
    "average median maximum minimum high low record level tally".split()
)
#: Words that carry no content, left out when two phrases are compared.
FUNCTION_WORDS = frozenset(
    "the a an of in on at to for with by from into onto who which that whom whose and or nor but is are was were "
    "be been being has have had he she it they them their his her its this these those there than as".split()
)
#: Qualifiers that do not change what is measured ("the total population" is the population).
NEUTRAL_MODIFIERS = frozenset("total overall entire whole combined estimated".split())
#: Word -> canonical word.
CANONICAL: dict[str, str] = {w: head for head, words in SYNONYMS.items() for w in (head, *words)}

# ==================================================================================== events

#: A small general taxonomy of events: trigger verbs by the kind of event they report.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "statement": ("announce", "release", "publish", "unveil", "disclose", "issue", "declare", "confirm", "admit",
                  "demand", "instruct", "inform", "warn", "urge", "call", "report", "reveal", "deny"),
    "agreement": ("sign", "ratify", "agree", "approve", "adopt", "strike", "seal", "negotiate", "conclude", "settle",
                  "commit"),
    "meeting": ("meet", "visit", "host", "attend", "tour", "convene", "welcome"),
    "movement": ("send", "dispatch", "deploy", "deport", "repatriate", "evacuate", "return", "arrive", "withdraw",
                 "flee", "cross", "enter", "bring", "transfer", "transport", "board", "relocate", "migrate", "accept",
                 "expel", "leave", "admit", "hospitalize", "divert", "extradite", "land", "depart", "dock", "sail", "fly"),
    "attack": ("attack", "kill", "bomb", "shoot", "injure", "wound", "invade", "shell", "storm", "seize", "capture",
               "die", "hack", "steal", "loot", "rob", "hijack", "kidnap", "abduct", "ambush", "assassinate", "stab"),
    "legal": ("arrest", "charge", "sue", "investigate", "convict", "sentence", "ban", "sanction", "detain", "raid",
              "probe", "indict", "fine", "prosecute", "rule", "order", "file", "accuse"),
    "economic": ("earn", "post", "raise", "cut", "hire", "acquire", "buy", "sell", "invest", "award", "launch",
                 "lay", "pay", "spend", "fund", "inject", "top", "beat", "miss", "select", "add", "cancel", "trade"),
    "personnel": ("appoint", "resign", "fire", "name", "elect", "nominate", "replace", "oust", "promote", "sack",
                  "dismiss"),
    "policy": ("impose", "lift", "suspend", "resume", "introduce", "require", "restrict", "establish", "crack",
               "intensify", "tighten", "pass", "veto", "comply", "abolish", "extend", "halt", "shut", "close",
               "quarantine", "institute", "abandon", "shelve", "delay", "postpone", "censor", "remove", "recall",
               "reject", "block"),
    "disaster": ("erupt", "collapse", "flood", "burn", "destroy", "damage", "sink", "crash", "hit", "spread", "burst",
                 "explode", "capsize", "derail", "overflow"),
    "contest": ("win", "vote", "defeat", "lose", "elect", "defect"),
    "protest": ("protest", "march", "rally", "demonstrate", "riot", "picket", "boycott"),
}
#: Verbs of states, not occurrences ("has", "remains", "includes"): never an event.
STATIVE_VERBS = frozenset(
    "be have seem appear remain stay include contain consist comprise mean need want know believe think hope "
    "expect require cost own lack depend represent exist become belong matter deserve like love prefer value "
    "equal involve concern suppose face sound look feel number total account see experience employ live "
    "reside work regard consider deem".split()
)
#: Verbs of intention or refusal: what they govern has not happened ("plans to spend", "aims to put",
#: "was designed to attract", "declined to say").
INTENT_VERBS = frozenset("plan aim intend hope seek want expect prepare propose threaten vow promise design "
                         "decline refuse".split())
#: Verbs of commitment and choice: an event themselves, but what they commit to or choose someone
#: for has not happened yet ("agreed to inject $6.5 billion", "voted to close the plant", "were
#: selected to join the program", "urged the council to act").
COMMIT_VERBS = frozenset("agree decide pledge offer vote ask order select choose pick appoint nominate invite "
                         "authorize authorise allow permit urge encourage".split())
#: Prepositions whose object completes a verb's act ("agreed to a ceasefire", "voted for the
#: merger"): a noun of an act there is that act, not another.
ARGUMENT_PREPOSITIONS = frozenset({"to", "for", "on", "upon"})
#: Prepositions before a clause that tell something happened before what the sentence tells
#: ("reached port after being delayed", "resigned upon losing the vote"): not "before", "without".
SEQUENCE_PREPOSITIONS = frozenset({"after", "upon", "following", "since"})
#: Verbs that only say that another action began, went on or was tried ("began cracking down",
#: "tried to persuade", "is set to begin"): the action they govern is the event.
ASPECT_VERBS = frozenset("begin start continue try attempt manage fail seek set keep stop end".split())
#: Verbs that say the action they govern did not take place ("failed to share", "neglected to
#: file"); refusing and declining are intents (``INTENT_VERBS``).
UNDONE_VERBS = frozenset("fail neglect".split())
#: Quantifiers that generalise over a group ("many workers came", "most ventures collapsed"): a
#: pattern, not one occurrence.
GENERALISING_QUANTIFIERS = frozenset("many most numerous countless".split())
#: Adverbs of habit: a habit is not an occurrence ("workers frequently invest their savings").
HABITUAL_ADVERBS = frozenset(
    "often usually frequently typically regularly routinely always generally normally traditionally "
    "sometimes rarely seldom never commonly".split()
)
#: Nouns for organisations that act ("the company abandoned the plan", "the utility decreased ...").
ACTING_ORG_NOUNS = frozenset(
    "company firm business corporation utility retailer lender bank insurer startup regulator court police "
    "army navy military party union government administration agency ministry team club school university "
    "hospital owner operator manufacturer carrier airline investor board president minister secretary "
    "chairman chairwoman chair ceo founder director spokesman spokeswoman spokesperson governor mayor senator "
    "leader chief head king queen premier judge prosecutor commander general foundation association society "
    "charity coalition alliance federation league fund trust country nation state city province jury tribunal "
    "parliament congress senate assembly cabinet side management leadership executive gang cartel militia".split()
)
#: Endings of nouns for people by what they do ("hiker", "investor", "activist", "physician").
AGENT_SUFFIXES = ("er", "or", "ist", "ian")
#: Common nouns for news outlets ("the regional newspaper Kurier", "a news agency").
NEWS_NOUNS = frozenset("outlet newspaper paper broadcaster tabloid magazine daily weekly channel website newswire "
                       "agency".split())
#: Words in the names of news outlets ("The New York Times", "Bloomberg News", "Daily Express").
NEWS_NAME_WORDS = frozenset("times news post journal herald tribune gazette daily press telegraph guardian "
                            "chronicle observer courier express mail reuters bloomberg ap afp upi".split())
#: Verbs that make or help someone do what follows ("forced residents to flee", "prompted the
#: agency to ground 171 planes"): what they lead to happened.
CAUSE_VERBS = frozenset("force compel prompt cause make help get drive push lead persuade convince enable "
                        "oblige trigger spur".split())
#: Verbs of publishing that, with a sum of money for object, pay it out ("released $5 million").
PAYING_VERBS = frozenset({"release", "issue"})
#: Verbs of setting someone free: with a person acted on, legal acts, not releases of news.
FREEING_VERBS = frozenset({"release", "free"})
#: Verbs of ending that, with a thing or a doing for object, tell a decision ("ended its cheapest
#: plan", "stopped hiring engineers").
ENDING_VERBS = frozenset({"end", "stop", "discontinue", "scrap", "cease", "halt", "suspend"})
#: Verbs whose object names the act they tell ("launched an investigation", "held talks", "began
#: talks", "ended the crackdown"): the act's kind is theirs.
SUPPORT_VERBS = frozenset("launch open conduct hold carry make take undertake stage begin start end".split())
#: Nouns of acts that no ending derives from a verb of the taxonomy, with that verb.
ACT_NOUNS = {"talks": "negotiate", "summit": "meet", "deal": "agree", "pact": "agree", "truce": "agree",
             "ceasefire": "agree", "crackdown": "crack", "layoffs": "lay", "merger": "acquire",
             "takeover": "acquire", "trial": "prosecute", "election": "elect", "walkout": "picket"}
#: Verbs that tell another act without an object: "soldiers fired on the crowd" shot, "fired the
#: manager" dismissed.
OBJECTLESS_ACTS = {"fire": "shoot"}
#: Verbs of a result that are economic over a figure ("beat estimates") and a contest's over a
#: rival ("beat Bayern 2-1").
OUTDO_VERBS = frozenset("beat top".split())
#: Words of a court's finding: "found the executive guilty" is a legal act.
VERDICT_WORDS = frozenset("guilty liable innocent".split())
#: Nouns of messages: sending or posting one is a statement ("sent a letter to the board").
MESSAGE_NOUNS = frozenset("letter email memo message report statement tweet".split())
#: Nouns of what is voiced: raising or voicing one is a statement ("raised concerns", "voiced doubts").
VOICED_NOUNS = frozenset("concern alarm question doubt fear worry objection criticism complaint".split())
#: Nouns of written communications that are events when dated ("an Oct. 26 letter").
WRITTEN_NOUNS = MESSAGE_NOUNS | frozenset("filing lawsuit complaint ruling order".split())
#: Words that place the present in no particular moment ("today they do happen").
VAGUE_NOW = frozenset("today now currently current recently nowadays".split())
#: Personal pronouns that stand for an actor.
ACTOR_PRONOUNS = frozenset("he she they".split())
#: Trigger verb -> event type.
EVENT_TYPE_OF: dict[str, str] = {verb: kind for kind, verbs in EVENT_TYPES.items() for verb in verbs}
#: Verbs with a particle that are other verbs than the verb alone, and verbs with the object,
#: complement or prepositional phrase that makes an idiom of them, by the kind of event they
#: report ("stepped down" is a resignation, "called off the strike" a decision, "lifted off" a
#: departure, "went on strike" a protest, "held rates steady" a decision); the kind of one not
#: listed is its verb's.
PHRASAL_EVENT_TYPES: dict[str, str] = {
    "step down": "personnel", "stand down": "personnel", "swear in": "personnel", "call off": "policy", "set up": "policy",
    "shut down": "policy", "roll back": "policy", "scale back": "policy", "step up": "policy", "turn down": "policy",
    "strike down": "legal", "throw out": "legal", "take over": "economic", "buy out": "economic",
    "bail out": "economic", "sell off": "economic", "lay off": "economic", "pull out": "movement",
    "lift off": "movement", "take off": "movement", "touch down": "movement", "hand over": "movement",
    "crack down": "policy", "wipe out": "attack",
    "go on strike": "protest", "take to street": "protest", "come to power": "personnel", "take office": "personnel",
    "take power": "personnel", "go on trial": "legal", "stand trial": "legal", "file for bankruptcy": "economic",
    "make landfall": "disaster", "hold steady": "policy", "leave unchanged": "policy", "keep unchanged": "policy",
}
#: The kinds of event, as a type (the keys of ``EVENT_TYPES``, in order).
EventKind = Literal["statement", "agreement", "meeting", "movement", "attack", "legal", "economic", "personnel",
                    "policy", "disaster", "contest", "protest"]
if get_args(EventKind) != tuple(EVENT_TYPES):
    raise AssertionError("EventKind must list the keys of EVENT_TYPES")
EVENT_VERBS = frozenset(EVENT_TYPE_OF)
#: Verbs by which one party sends people or goods to another ("North Korea sent 15,000 ...").
TRANSFER_VERBS = frozenset("send dispatch deploy export supply provide transfer".split())
#: Verbs of going into a place ("13,221 entered Russia").
ENTRY_VERBS = frozenset("enter arrive cross travel visit come".split())

# ==================================================================================== units

#: Words pint reads as units that in news are almost always something else ("points" scored,
#: "are" the verb, a "bar", a "stone", a "line"), and currency names that are also weights.
AMBIGUOUS_UNIT_WORDS = frozenset(
    "point points pt are bar bars stone stones line lines mark marks grain grains hand hands cup cups gal "
    "rod rods chain chains section sections pound pounds pt pts tex den denier cord cords franklin "
    "a at h s m g t in mil mils pole poles perch quad quads gross pi sun suns us".split()
)


def canonical_verb(predicate: str) -> str:
    """A predicate in its canonical form, as a phrase first ("wipe out" -> "death"), then by its verb.

    >>> canonical_verb("wipe out"), canonical_verb("fall to"), canonical_verb("kill")
    ('death', 'fall', 'death')
    """
    phrase = predicate.lower()
    return CANONICAL.get(phrase) or canonical(phrase.split()[0])


def canonical(word: str) -> str:
    """A word for a measured thing in its canonical form ("passengers" -> "person").

    >>> canonical("fatalities"), canonical("firm"), canonical("harvest")
    ('death', 'company', 'harvest')
    """
    word = word.lower()
    if word in CANONICAL:
        return CANONICAL[word]
    for cut in ("ies", "es", "s"):  # a lemma the model left plural
        if word.endswith(cut) and len(word) > len(cut) + 2:
            stem = word[: -len(cut)] + ("y" if cut == "ies" else "")
            if stem in CANONICAL:
                return CANONICAL[stem]
    return word


#: Fields of news that a measured thing belongs to, whatever the word: "8,600 student visas" and
#: "7,887 entries for education" both count entries for education, "a $3 billion tender offer"
#: and "a $3 billion buyout" are one deal. General vocabulary only.
FIELDS: dict[str, tuple[str, ...]] = {
    "entry": ("arrival", "entry", "visa", "visit", "visitor", "border", "crossing", "immigration", "immigrant",
              "tourist", "departure"),
    "education": ("student", "study", "education", "school", "university", "academic", "pupil", "enrol",
                  "enroll", "enrollment", "enrolment", "tuition", "college"),
    "employment": ("worker", "job", "employment", "hire", "layoff", "workforce", "payroll", "staff"),
    "military": ("troop", "army", "military", "deminer", "fighter", "battalion", "brigade", "soldier"),
    "health": ("case", "patient", "infection", "infect", "infected", "diagnosis", "illness", "disease", "outbreak",
               "hospitalization", "symptom"),
    "deal": ("offer", "buyout", "acquisition", "takeover", "bid", "merger", "deal", "purchase"),
    "casualty": ("death", "injury", "casualty", "victim", "wound", "fatality"),
    "election": ("vote", "ballot", "elector", "turnout", "seat", "voter"),
}
#: Word -> field.
FIELD_OF: dict[str, str] = {w: field for field, words in FIELDS.items() for w in words}
#: Verbs whose field their nouns do not show ("two people contracted it": a "contract" is a deal).
VERB_FIELDS: dict[str, str] = {"contract": "health", "hospitalize": "health", "test positive": "health",
                               "lay off": "employment", "fire": "employment", "enlist": "military"}


#: Capitalised words that make another place of the place name they come before ("Inner
#: Mongolia", "New Mexico", "Northern Ireland", "Upper Egypt").
PLACE_QUALIFIERS = frozenset(
    "Inner Outer New Old Upper Lower Greater North South East West Northern Southern Eastern Western Central".split()
)
