"""PLOVER event lexicons: trigger words per event type, and the words that set mode and
context. Data apart from `finder`, which applies it. Verbs are listed by their base form
(and irregular forms); `verb_forms` adds the regular inflections."""

from __future__ import annotations

from functools import lru_cache

# How sure an event is, by how it was found (shown and filtered on; not a calibrated probability).
LEXICON_CONFIDENCE = 0.8  # a trigger verb of our lexicons, its actor named
NOUN_CONFIDENCE = 0.7  # an event noun ("Iran's missile strikes", "Fahie's arrest")
PASSIVE_CONFIDENCE = 0.7  # a passive with no agent ("was detained"): the act is told, not who did it
DICTIONARY_CONFIDENCE = 0.6  # a CAMEO pattern on a verb our lexicons do not know

# PLOVER type -> base verbs (with particles written out where they matter).
VERBS: dict[str, tuple[str, ...]] = {
    "AGREE": (
        "agree",
        "sign",
        "ratify",
        "approve",
        "settle",
        "conclude",
        "secure",
        "offer",
        "promise",
        "pledge",
        "commit",
        "guarantee",
    ),
    "CONSULT": ("meet", "visit", "travel", "fly", "host", "discuss", "negotiate", "consult", "talk", "arrive"),
    "SUPPORT": ("support", "praise", "back", "welcome", "defend", "thank", "commend", "endorse"),
    "CONCEDE": ("concede", "apologize", "apologise", "yield", "relent", "ease", "lift", "shorten", "accept", "relax"),
    "COOPERATE": (
        "cooperate",
        "collaborate",
        "share",
        "buy",
        "purchase",
        "sell",
        "trade",
        "partner",
        "export",
        "import",
    ),
    "AID": ("aid", "assist", "help", "provide", "supply", "send", "donate", "deliver", "fund", "rescue", "grant"),
    "RETREAT": ("withdraw", "retreat", "release", "free", "evacuate", "pull"),
    "REQUEST": ("ask", "request", "urge", "appeal", "demand", "call", "seek", "press"),
    "ACCUSE": (
        "accuse",
        "blame",
        "criticize",
        "criticise",
        "condemn",
        "denounce",
        "charge",
        "investigate",
        "probe",
        "sue",
    ),
    "REJECT": ("reject", "refuse", "deny", "veto", "dismiss", "oppose", "boycott"),
    "THREATEN": ("threaten", "warn", "vow"),
    "PROTEST": ("protest", "demonstrate", "march", "rally", "picket"),
    "SANCTION": ("sanction", "reimpose", "impose", "suspend", "embargo", "freeze"),
    "MOBILIZE": ("mobilize", "mobilise", "deploy", "mass"),
    "COERCE": (
        "arrest",
        "detain",
        "seize",
        "raid",
        "search",
        "jail",
        "imprison",
        "deport",
        "confiscate",
        "capture",
        "ban",
        "expel",
        "outlaw",
        "demolish",
        "censor",
        "prevent",
        "disperse",
    ),
    "ASSAULT": (
        "attack",
        "strike",
        "bomb",
        "shell",
        "shoot",
        "kill",
        "destroy",
        "disable",
        "invade",
        "fire",
        "assault",
        "kidnap",
        "abduct",
        "torture",
        "beat",
        "assassinate",
        "wound",
        "injure",
        "massacre",
        "execute",
        "ambush",
        "storm",
    ),
}
IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",),
    "beat": ("beaten",),
    "pull": ("pulled",),
    "fly": ("flew", "flown", "flies"),
    "send": ("sent",),
    "buy": ("bought",),
    "sell": ("sold",),
    "withdraw": ("withdrew", "withdrawn"),
    "strike": ("struck", "striking"),
    "shoot": ("shot",),
    "seek": ("sought",),
    "freeze": ("froze", "frozen"),
    "fire": ("fired",),
    "free": ("freed",),
}
# Verbs whose meaning needs an object word to be this type ("impose sanctions", not "impose order").
NEEDS_OBJECT: dict[str, tuple[str, ...]] = {
    "impose": ("sanction", "sanctions", "embargo", "tariff", "tariffs", "ban", "curfew"),
    "reimpose": ("sanction", "sanctions", "embargo", "tariff", "tariffs"),
    "lift": ("sanction", "sanctions", "embargo", "ban", "blockade", "siege", "curfew", "emergency", "restrictions"),
    "fire": ("missile", "missiles", "rocket", "rockets", "shell", "shells", "shot", "shots"),
    "pull": ("out", "back", "troops", "forces"),
    "accept": ("demand", "demands", "condition", "conditions", "terms", "proposal", "resignation"),
    "beat": ("up", "protesters", "detainees", "demonstrators", "prisoners"),
    "prevent": ("demonstration", "protest", "rally", "march", "meeting"),
    "shorten": ("curfew", "sentence"),
    "call": ("for", "on"),
    "secure": ("agreement", "deal", "accord", "treaty", "pact"),
    "search": ("home", "homes", "office", "offices", "house", "houses", "hall", "premises"),
}
# Verbs whose object makes them another type: imposing a curfew or martial law coerces.
TYPE_BY_OBJECT: dict[str, tuple[tuple[str, ...], str]] = {
    "impose": (("curfew", "martial", "lockdown"), "COERCE"),
}
# Verbs of demanding: what they demand is not yet done, and is no event of its own
# ("demanded that Israel withdraw", "urged China to release the activists").
DEMAND_BASES: frozenset[str] = frozenset({"ask", "request", "urge", "appeal", "demand", "call", "seek", "press"})
# Nouns that are events when someone does them ("Iran's missile strikes on Israel").
NOUNS: dict[str, str] = {
    "strike": "ASSAULT",
    "strikes": "ASSAULT",
    "attack": "ASSAULT",
    "attacks": "ASSAULT",
    "airstrike": "ASSAULT",
    "airstrikes": "ASSAULT",
    "bombing": "ASSAULT",
    "invasion": "ASSAULT",
    "agreement": "AGREE",
    "deal": "AGREE",
    "accord": "AGREE",
    "visit": "CONSULT",
    "visits": "CONSULT",
    "talks": "CONSULT",
    "meeting": "CONSULT",
    "demonstration": "PROTEST",
    "demonstrations": "PROTEST",
    "rally": "PROTEST",
    "trip": "CONSULT",
    "trips": "CONSULT",
    "sanctions": "SANCTION",
    "protest": "PROTEST",
    "protests": "PROTEST",
    "walkout": "PROTEST",
}
# Event nouns whose possessor or "of" object is the one the act is done to ("Fahie's arrest",
# "the detention of two reporters"); the actor is the "by" object or no one.
PATIENT_EVENT_NOUNS: dict[str, str] = {
    "arrest": "COERCE", "arrests": "COERCE", "detention": "COERCE", "capture": "COERCE",
    "deportation": "COERCE", "expulsion": "COERCE", "imprisonment": "COERCE", "extradition": "COERCE",
    "jailing": "COERCE", "kidnapping": "ASSAULT", "abduction": "ASSAULT", "assassination": "ASSAULT",
    "murder": "ASSAULT", "killing": "ASSAULT", "indictment": "ACCUSE", "prosecution": "ACCUSE",
}
# Verbs whose object noun carries the event ("made trips", "carried out strikes", "held talks").
LIGHT_VERBS: frozenset[str] = frozenset(
    {
        "made",
        "make",
        "makes",
        "carried",
        "conducted",
        "launched",
        "launch",
        "launches",
        "held",
        "hold",
        "holds",
        "paid",
        "staged",
        "began",
    }
)
# Prepositions that introduce the recipient, per type.
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("on", "against", "in"),
    "AGREE": ("with",),
    "CONSULT": ("with", "to"),
    "COOPERATE": ("with", "to"),
    "AID": ("to",),
    "RETREAT": ("from",),
    "REQUEST": ("from", "on", "to"),
    "ACCUSE": ("against",),
    "SANCTION": ("on", "against"),
    "THREATEN": ("against",),
    "PROTEST": ("against",),
    "COERCE": (),
    "SUPPORT": (),
    "REJECT": (),
    "CONCEDE": ("to",),
    "MOBILIZE": ("against",),
}
# PLOVER modes, by words in the event's sentence (first match wins, in order).
MODES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ASSAULT": (
        ("missile", ("missile", "missiles", "rocket", "rockets", "ballistic")),
        ("drone", ("drone", "drones", "unmanned")),
        ("aerial", ("air strike", "airstrike", "airstrikes", "bomb", "bombing", "warplane", "aircraft")),
        ("firearms", ("shot", "shooting", "gunfire", "gunmen")),
    ),
    "COERCE": (
        ("arrest", ("arrest", "arrested", "detained", "custody")),
        ("seize", ("seized", "confiscated", "raid")),
        ("curfew", ("curfew",)),
        ("martial-law", ("martial law", "state of emergency")),
    ),
    "PROTEST": (
        ("strike", ("strike", "walkout", "walked out")),
        ("demonstrate", ("demonstration", "march", "rally", "protest")),
    ),
    "SANCTION": (("economic", ("sanction", "sanctions", "tariff", "embargo")),),
    "CONSULT": (
        ("visit", ("visit", "visited", "visits", "trip", "trips", "travel", "flight", "flights", "booked")),
        ("meet", ("met", "meeting", "talks")),
    ),
    "AID": (
        ("military", ("drones", "missiles", "weapons", "ammunition", "munitions")),
        ("humanitarian", ("food", "tents", "water", "shelter")),
    ),
}
CONTEXTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nuclear", ("nuclear", "uranium", "jcpoa")),
    (
        "military",
        ("military", "missile", "missiles", "weapon", "weapons", "troops", "army", "drones", "air defense", "defense"),
    ),
    ("economic", ("economic", "trade", "tariff", "tariffs", "sanctions", "market", "pension", "contract", "contracts")),
    ("legal", ("court", "prosecutor", "prosecutors", "judge", "charges", "bail", "police")),
    ("humanitarian", ("aid", "relief", "refugee", "refugees", "earthquake", "shelter", "rescue")),
)
# Modal auxiliaries: an act that may, could or would happen is not told as a fact ("will" is).
MODALS: frozenset[str] = frozenset({"could", "would", "might", "may", "should", "can", "must"})
# Verbs whose infinitive did not happen: "failed to support", "refused to sign".
FAILING_VERBS: frozenset[str] = frozenset({"fail", "refuse", "decline"})
# Types whose passive tells an event with no agent named ("was detained", "was charged").
PASSIVE_TYPES: frozenset[str] = frozenset({"COERCE", "ACCUSE", "SANCTION"})
# Assaults whose passive needs a person behind it ("was stabbed"); "nine people were killed"
# may be an earthquake's doing, and is no event without an agent.
AGENTIVE_ASSAULTS: frozenset[str] = frozenset(
    {"assault", "stab", "shoot", "shot", "beat", "beaten", "rape", "murder", "execute", "torture", "attack", "bomb",
     "behead", "lynch", "massacre", "ambush", "assassinate"}
)
# People an act is done to, unnamed ("three people were arrested", "two officers were shot").
PATIENT_NOUNS: frozenset[str] = frozenset(
    {
        "people", "person", "persons", "man", "men", "woman", "women", "child", "children", "boy", "girl",
        "suspect", "suspects", "civilians", "civilian", "officer", "officers", "soldier", "soldiers",
        "students", "student", "journalist", "journalists", "reporter", "reporters", "activist", "activists",
        "demonstrators", "protesters", "migrants", "refugees", "prisoners", "hostages", "workers", "others", "victims",
        "teenager", "teenagers", "driver", "passengers", "residents", "members", "leaders", "leader",
        "he", "she", "they",
    }
)
# Heads of noun phrases that can act without being a named entity.
ACTOR_NOUNS: frozenset[str] = frozenset(
    {
        "police",
        "officials",
        "official",
        "government",
        "army",
        "forces",
        "troops",
        "military",
        "navy",
        "guard",
        "protesters",
        "workers",
        "unions",
        "union",
        "experts",
        "specialists",
        "prosecutors",
        "ministry",
        "president",
        "minister",
        "authorities",
        "soldiers",
        "rebels",
        "militants",
        "company",
        "firm",
        "council",
        "court",
        "judge",
        "countries",
        "states",
        "nations",
        "parliament",
        "congress",
        "agency",
        "administration",
        "rescuers",
        "firefighters",
        "investigators",
        "customs",
        "regime",
        "coalition",
        "leaders",
        "leader",
        "envoy",
        "envoys",
    }
)
# Verbs that, with a clause after them, report speech rather than act ("warned that ...").
SPEECH_LIKE: frozenset[str] = frozenset(
    {
        "warn",
        "vow",
        "deny",
        "accuse",
        "urge",
        "demand",
        "ask",
        "call",
        "agree",
        "praise",
        "criticize",
        "condemn",
        "reject",
    }
)
# ... unless they are addressed to someone: "warned Iraq that ..." is a threat to Iraq.
ADDRESSED: frozenset[str] = frozenset({"warn", "urge", "ask", "accuse", "criticize", "condemn"})
# Who goes on strike (a labour strike is a protest, not an assault).
LABOUR_NOUNS: frozenset[str] = frozenset(
    {
        "workers",
        "unions",
        "union",
        "staff",
        "employees",
        "drivers",
        "teachers",
        "nurses",
        "doctors",
        "miners",
        "pilots",
        "dockers",
        "conductors",
    }
)
# Travel verbs are visits only without a cargo object ("flew to Lima", not "flying food").
TRAVEL_VERBS: frozenset[str] = frozenset({"fly", "travel"})
NEGATIONS: frozenset[str] = frozenset({"not", "n't", "never", "neither", "nor", "no"})


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, tuple[str, str]]:
    """Every inflected form -> (PLOVER type, base verb). Regular -s/-ed/-ing plus IRREGULAR.
    Built once: the finder and the models' features look every verb up in it."""
    forms: dict[str, tuple[str, str]] = {}
    for event_type, bases in VERBS.items():
        for base in bases:
            for form in (base, *_regular(base), *IRREGULAR.get(base, ())):
                forms.setdefault(form, (event_type, base))
    return forms


def _regular(base: str) -> tuple[str, ...]:
    if base.endswith("ee"):
        return base + "s", base + "d", base + "ing"
    if base.endswith("e"):
        return base + "s", base + "d", base[:-1] + "ing"
    if base.endswith("y") and base[-2] not in "aeiou":
        return base[:-1] + "ies", base[:-1] + "ied", base + "ing"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es", base + "ed", base + "ing"
    if len(base) <= 4 and base[-1] in "bdgmnprt" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        return base + "s", base + base[-1] + "ed", base + base[-1] + "ing"
    return base + "s", base + "ed", base + "ing"


# "X came under fire from Y": the act is Y's, on X.
COME_FORMS: frozenset[str] = frozenset({"come", "came", "comes", "coming"})
UNDER_FIRE: dict[str, str] = {"fire": "ACCUSE", "criticism": "ACCUSE", "scrutiny": "ACCUSE", "attack": "ACCUSE"}
ARMED_GROUPS: frozenset[str] = frozenset(
    {"gunmen", "militants", "rebels", "troops", "soldiers", "insurgents", "fighters", "forces", "snipers", "artillery"}
)
