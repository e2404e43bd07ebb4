"""Lexicons for claims and attribution, kept as data apart from `finder`, which applies them."""

from __future__ import annotations

# Verbs that attribute speech or a report to someone (inflected forms; no lemmatizer needed).
SPEECH_VERBS: frozenset[str] = frozenset(
    {
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "tell",
        "telling",
        "added",
        "adds",
        "asserted",
        "asserts",
        "warned",
        "warns",
        "stated",
        "states",
        "stating",
        "argued",
        "argues",
        "claimed",
        "claims",
        "emphasized",
        "emphasised",
        "emphasizes",
        "noted",
        "notes",
        "pointed",
        "points",
        "suggested",
        "suggests",
        "insisted",
        "insists",
        "explained",
        "explains",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "denied",
        "denies",
        "declared",
        "declares",
        "wrote",
        "writes",
        "reported",
        "reports",
        "reporting",
        "acknowledged",
        "acknowledges",
        "admitted",
        "admits",
        "alleged",
        "alleges",
        "predicted",
        "predicts",
        "cautioned",
        "cautions",
        "urged",
        "urges",
        "stressed",
        "stresses",
        "maintained",
        "maintains",
        "contended",
        "contends",
        "believes",
        "believed",
        "estimated",
        "estimates",
        "revealed",
        "reveals",
        "disclosed",
        "observed",
        "remarked",
        "replied",
        "responded",
        "commented",
        "promised",
        "vowed",
        "recalled",
        "asked",
    }
)
# Lemmas of verbs that attribute a statement, a belief, a finding or a stance to someone
# (PolNeAR's cues: saying, writing, believing, knowing, showing, endorsing, denying...). A verb
# is a cue when its lemma is here and it governs what is attributed (a clause, or an object for
# the stance verbs below).
CUE_LEMMAS: frozenset[str] = frozenset(
    {
        "say", "tell", "add", "ask", "write", "report", "note", "announce", "argue", "claim",
        "suggest", "show", "find", "indicate", "reveal", "disclose", "explain", "acknowledge",
        "admit", "insist", "warn", "predict", "declare", "state", "assert", "contend", "maintain",
        "confirm", "deny", "allege", "stress", "emphasize", "emphasise", "recall", "respond",
        "reply", "answer", "mention", "point", "observe", "remark", "comment", "tweet", "post",
        "testify", "conclude", "estimate", "calculate", "believe", "think", "know", "feel",
        "expect", "hope", "fear", "worry", "wonder", "doubt", "suspect", "understand", "learn",
        "realize", "recognize", "assume", "guess", "imagine", "agree", "disagree", "promise",
        "pledge", "vow", "threaten", "urge", "demand", "propose", "recommend", "decide",
        "complain", "boast", "joke", "concede", "caution", "assure", "remind", "imply", "signal",
        "hint", "describe", "echo", "repeat", "cite", "charge", "accuse", "blame", "question",
        "speculate", "counter", "retort", "rule", "determine",
        # intentions and refusals with what is intended ("plans to ...", "refuses to ...")
        "plan", "intend", "refuse", "decline", "aim", "wish", "prefer", "offer", "consider", "reiterate",
    }
)
# Verbs of feeling whose clause is what someone feels ("were frustrated that ..."); cues only
# with a clause, like every verb of CUE_LEMMAS.
FEELING_LEMMAS: frozenset[str] = frozenset(
    {
        "frustrate", "concern", "convince", "disappoint", "anger", "upset", "surprise", "shock",
        "alarm", "trouble", "satisfy", "persuade", "insist", "reassure", "dismay",
    }
)
# Adjectives of belief and feeling that attribute their clause to the subject ("She is confident
# that voters will agree"; an expletive "it" is no one: "it is clear that").
STATE_ADJECTIVES: frozenset[str] = frozenset(
    {
        "confident", "sure", "certain", "convinced", "aware", "unaware", "afraid", "adamant",
        "hopeful", "optimistic", "pessimistic", "glad", "happy", "proud", "sorry", "angry", "upset",
        "concerned", "worried", "skeptical", "sceptical", "doubtful", "frustrated", "unhappy",
        "disappointed", "pleased", "thrilled", "determined", "eager", "anxious", "nervous",
        "fearful", "insistent", "unconvinced", "unsure", "uncertain", "mindful", "cognizant",
    }
)
# Nouns whose "that" clause is someone's words or belief ("Trump's claim that ...", "charges
# that he ..."); the owner (a possessive, "by"/"from" X) is the source where there is one.
CUE_NOUNS: frozenset[str] = frozenset(
    {
        "claim", "claims", "assertion", "assertions", "statement", "statements", "report", "reports",
        "charge", "charges", "allegation", "allegations", "argument", "belief", "beliefs", "view",
        "fear", "fears", "worry", "worries", "concern", "concerns", "hope", "hopes", "promise",
        "promises", "pledge", "warning", "warnings", "suggestion", "insistence", "denial",
        "admission", "announcement", "declaration", "prediction", "predictions", "estimate",
        "accusation", "accusations", "contention", "speculation", "rumor", "rumors", "rumour",
        "rumours", "expectation", "expectations", "assessment", "finding", "findings",
        "conclusion", "message", "suspicion", "suspicions", "complaint", "complaints", "notion",
        "idea", "theory", "insinuation", "implication", "acknowledgment", "acknowledgement",
        "assurance", "assurances", "confidence", "conviction", "sense", "feeling", "impression",
        "perception", "position", "arguments", "testimony", "threat", "threats",
        "vow", "remark", "remarks", "comment", "comments", "boast", "guarantee",
    }
)
# Verbs that introduce a quotation besides the verbs of saying above ("She tweeted: ...").
QUOTING_LEMMAS: frozenset[str] = frozenset(
    {
        "tweet", "post", "write", "reply", "respond", "answer", "testify", "joke", "quip", "recall", "add",
        "continue", "thunder", "shout", "yell", "scream", "cry", "exclaim", "snap", "mutter", "whisper",
        "proclaim", "retort", "chant", "sing", "laugh", "sigh", "marvel", "muse", "gush", "boast", "read",
    }
)
# Stance verbs: what they attribute is their object ("endorsed Clinton", "called for calm").
STANCE_LEMMAS: frozenset[str] = frozenset(
    {
        "support", "endorse", "back", "oppose", "criticize", "criticise", "praise", "condemn",
        "denounce", "defend", "reject", "dismiss", "call", "urge", "seek", "want", "favor",
        "favour", "welcome", "applaud", "slam", "blast", "attack", "accuse", "blame", "thank",
    }
)
# Verbs of saying and knowing whose noun object is what is attributed ("denied the charges",
# "indicates a tightening race"); others' objects are people spoken to or things acted on.
OBJECT_CUE_LEMMAS: frozenset[str] = frozenset(
    {
        "deny", "admit", "acknowledge", "confirm", "indicate", "describe", "mention", "predict",
        "estimate", "cite", "claim", "allege", "suggest", "propose", "promise", "pledge", "vow",
        "announce", "reveal", "disclose", "report", "repeat", "echo", "expect", "fear", "demand",
        "recommend", "dispute", "concede", "note", "stress", "emphasize", "emphasise", "discuss",
        "question", "explain",
        # evidence and cognition: "polls show Clinton with a lead", "the court found an interest in"
        "show", "find", "believe", "recognize", "realize", "doubt", "suspect", "understand",
    }
)
# Prepositions whose object is what a stance verb attributes ("called for", "accused of").
STANCE_PREPOSITIONS: frozenset[str] = frozenset({"for", "of", "on"})
REPORT_LEMMAS: frozenset[str] = frozenset({"report", "reveal", "disclose", "write"})
# Irregular forms of the verbs above (the pipeline runs without spaCy's lemmatizer, for speed).
IRREGULAR_FORMS: dict[str, str] = {
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
    "knew": "know", "known": "know", "felt": "feel", "found": "find", "understood": "understand",
    "sought": "seek", "spoke": "speak", "spoken": "speak", "foresaw": "foresee", "held": "hold",
    "taught": "teach", "meant": "mean", "shown": "show", "learnt": "learn", "ruled": "rule",
}
REPORT_VERBS: frozenset[str] = frozenset(
    {"reported", "reports", "reporting", "revealed", "reveals", "disclosed", "wrote", "writes"}
)
TELL_VERBS: frozenset[str] = frozenset({"told", "tells", "tell", "telling"})

# Phrases that say a source is not named.
ANONYMITY_CUES: tuple[str, ...] = (
    "anonymity",
    "anonymous",
    "anonymously",
    "not to be named",
    "not be named",
    "declined to be named",
    "not to be identified",
    "not be identified",
    "declined to be identified",
    "not authorized to speak",
    "not authorised to speak",
    "not authorized to discuss",
    "not permitted to speak",
    "who could not be named",
    "on condition that",
    "on background",
)
# Heads of noun phrases that describe an unnamed source.
SOURCE_NOUNS: frozenset[str] = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "person",
        "people",
        "diplomat",
        "diplomats",
        "aide",
        "aides",
        "insider",
        "insiders",
        "executive",
        "executives",
        "officer",
        "officers",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "analysts",
        "member",
        "members",
        "employee",
        "employees",
        "worker",
        "workers",
        "firefighter",
        "resident",
        "residents",
        "witness",
        "witnesses",
        "lawmaker",
        "lawmakers",
        "expert",
        "experts",
        "investigator",
        "investigators",
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "minister",
        "envoy",
    }
)
# Definite descriptions of a news organisation named earlier ("according to the news agency").
OUTLET_NOUNS: frozenset[str] = frozenset(
    {
        "agency",
        "newspaper",
        "paper",
        "report",
        "outlet",
        "broadcaster",
        "wire",
        "network",
        "magazine",
        "daily",
        "channel",
    }
)
# Last words of outlet names: alone where an outlet belongs, the rest of the name was lost.
OUTLET_TAIL_WORDS: frozenset[str] = frozenset(
    {"digital", "news", "times", "post", "journal", "daily", "herald", "tribune", "wire", "online", "magazine", "today"}
)
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i"})
HEDGES: tuple[str, ...] = (
    "reportedly",
    "allegedly",
    "said to",
    "believed to",
    "thought to",
    "purportedly",
    "apparently",
)
