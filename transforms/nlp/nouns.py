"""Noun lexicons for speakers: titles, person roles, organisation heads, gender, documents.

spaCy's small English model has no word vectors and its NER misses many names in subject
position, so speaker typing and nominal coreference ("the spokeswoman" -> the person introduced
as "foreign ministry spokeswoman Maria Zakharova") lean on these closed lists. They hold the
role vocabulary of wire copy (politics, diplomacy, conflict, business, courts, police, sport,
science); all entries are lower-case lemmas.
"""

from __future__ import annotations

from spacy.tokens import Token

from transforms.nlp.types import Mention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Honorifics and ranks written before a name; stripped from the name, kept in the role only
#: when they say something ("Senator", "Bishop") rather than nothing ("Mr", "Dr").
HONORIFICS = _words("mr mrs ms miss mx dr sir dame lord lady madam mme m. herr")

TITLES = _words(
    "president vice prime minister secretary chancellor premier governor mayor senator "
    "congressman congresswoman representative rep sen gov ambassador envoy commissioner "
    "chairman chairwoman chair director general lieutenant colonel major captain commander "
    "admiral brigadier sergeant corporal private det detective sgt lt col gen capt cmdr "
    "insp inspector superintendent supt constable officer chief deputy judge justice "
    "bishop archbishop cardinal pope rev reverend father sister brother imam rabbi sheikh "
    "king queen prince princess emir sultan crown professor prof dr doctor coach "
    "mp mep td mla msp mk councillor councilor alderman speaker attorney sheriff marshal "
    "lieutenant-colonel lieutenant-general major-general chief-executive ceo cfo coo "
    "president-elect ayatollah pastor whip"
)

#: Abbreviated titles, spelled out so that "the detective" can match "Det. Sgt. Karen Whitfield".
TITLE_EXPANSIONS: dict[str, str] = {
    "det": "detective",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "col": "colonel",
    "gen": "general",
    "capt": "captain",
    "cmdr": "commander",
    "insp": "inspector",
    "supt": "superintendent",
    "prof": "professor",
    "dr": "doctor",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "rev": "reverend",
    "ceo": "executive",
}

#: Nouns naming one person by role or description; a definite "the <noun>" is resolved to the
#: person whose title, role or appositive holds the same noun.
PERSON_NOUNS = _words(
    "spokesman spokeswoman spokesperson official minister president secretary envoy "
    "ambassador diplomat negotiator mediator adviser advisor aide lawmaker legislator "
    "senator congressman congresswoman politician mp leader chairman chairwoman chair head "
    "chief director executive manager owner founder boss governor mayor premier chancellor "
    "commander general officer colonel captain lieutenant sergeant detective inspector "
    "constable superintendent soldier fighter militant rebel commissioner prosecutor judge "
    "lawyer attorney solicitor barrister analyst economist strategist expert scientist "
    "researcher professor doctor physician nurse surgeon epidemiologist toxinologist "
    "academic scholar historian teacher student journalist reporter editor photographer "
    "writer author activist campaigner organiser organizer protester demonstrator resident "
    "witness survivor victim relative mother father son daughter sister brother wife husband "
    "widow uncle aunt cousin friend neighbour neighbor parent child teenager man woman boy "
    "girl farmer trader merchant shopkeeper worker employee driver pilot passenger fan "
    "player coach captain striker goalkeeper defender midfielder substitute referee "
    "bishop priest pastor imam rabbi cleric monk nun deputy representative delegate "
    "candidate member source insider observer monitor investigator engineer economist "
    "banker investor trader broker consultant specialist veteran councillor "
    "councilor entrepreneur businessman businesswoman shareholder negotiator "
    "administrator coordinator organiser commentator pundit presenter host actor whip "
    "actress singer artist director producer partner colleague ally opponent critic "
    "supporter rival detainee prisoner hostage suspect defendant plaintiff claimant "
    "counterpart successor predecessor "
    "mp td mep senator representative governor mayor king queen prince princess"
)

#: Singular nouns for a set of people speaking as one: "the family said", "the couple said".
COLLECTIVE_NOUNS = _words("family couple pair duo trio crew household delegation")

#: Person nouns that describe without giving a role ("one woman said"): no speaker_role.
GENERIC_PERSON_NOUNS = _words(
    "man woman boy girl child teenager person resident witness survivor victim relative "
    "friend neighbour neighbor parent mother father son daughter sister brother wife husband"
)

#: Heads of organisation names and descriptions ("the ministry", "Nigeria Police Force").
ORG_NOUNS = _words(
    "ministry department government administration cabinet office agency authority "
    "commission committee council parliament senate congress assembly court tribunal "
    "police army military navy force forces guard service services bureau directorate "
    "secretariat embassy consulate mission delegation coalition alliance bloc union "
    "federation confederation association organisation organization institute institution "
    "foundation fund bank company firm group corporation conglomerate carrier airline "
    "airlines manufacturer maker producer operator lender insurer retailer developer "
    "broadcaster network newspaper agency club team party movement front faction "
    "opposition regime junta board observatory centre center university school hospital "
    "church charity ngo watchdog regulator exchange commission inspectorate prosecutors "
    "command brigade battalion regiment division unit militia militias ministry "
    "observatory monitor programme program forum campaign network intelligence"
)

#: Organisation heads that name a company; "the company" / "the carrier" prefer these.
COMPANY_NOUNS = _words(
    "company firm group corporation conglomerate carrier airline manufacturer maker "
    "producer operator lender insurer retailer developer broadcaster bank business brewer "
    "distiller miner shipper supplier exporter importer chain startup start-up"
)

#: Words that end company names ("Baltvik Airlines", "Saraswati Biologicals", "Acme Corp").
COMPANY_NAME_WORDS = _words(
    "airlines airways air inc inc. corp corp. corporation ltd ltd. llc plc ag sa se gmbh nv "
    "bv spa group holdings holding bank motors energy partners capital industries "
    "technologies systems pharmaceuticals pharma biologicals coatings chemie chemicals "
    "petroleum oil gas telecom communications media entertainment foods brands logistics "
    "airline company co co. limited"
)

#: Plural nouns naming a collective of people: a speaker of type "group".
GROUP_NOUNS = _words(
    "sources officials residents protesters demonstrators witnesses critics supporters "
    "opponents analysts experts researchers scientists activists campaigners villagers "
    "locals citizens people workers employees doctors lawmakers legislators mps senators "
    "members relatives families parents organisers organizers investigators authorities "
    "diplomats observers economists traders investors fans players leaders rebels "
    "militants fighters soldiers troops police officers students teachers farmers "
    "groups survivors victims medics aides advisers negotiators mediators monitors "
    "prosecutors lawyers bishops clerics elders gardaí gardai"
)

FEMALE_PRONOUNS = _words("she her hers herself")
MALE_PRONOUNS = _words("he him his himself")

#: Gendered titles and role nouns (pronouns are kept apart: in "his sister" the pronoun is
#: someone else's).
FEMALE_WORDS = _words(
    "mrs ms miss madam lady dame queen princess spokeswoman "
    "chairwoman congresswoman businesswoman woman girl mother daughter sister wife widow "
    "aunt niece grandmother actress sportswoman policewoman councilwoman stateswoman "
    "nun mme"
)
MALE_WORDS = _words(
    "mr sir lord king prince spokesman chairman congressman "
    "businessman man boy father son brother husband widower uncle nephew grandfather "
    "actor sportsman policeman councilman statesman monk"
)

#: Things that "say" or "promise" in print but are not speakers (README: documents and books
#: are not annotated): "the strategy promised", "whose memoir described".
NON_SPEAKER_NOUNS = _words(
    "memoir book novel film movie song album play documentary biography autobiography "
    "strategy plan programme program policy law bill act legislation constitution treaty "
    "agreement deal accord contract map chart graph table placard sign "
    "banner poster slogan headline title caption footage video photo photograph image "
    "picture website page article column story episode series game data figure figures "
    "number numbers rule rules regulation regulations guideline guidelines manifesto "
    "budget proposal measure scheme draft text motion resolution amendment"
)

#: Nouns for the document a source speaks through ("according to a statement from X",
#: "according to WHO estimates"): the speaker is the issuer, not the document.
SOURCE_DOCUMENT_NOUNS = _words(
    "statement statements report reports figures figure estimates estimate data "
    "statistics survey poll study records record document documents filing filings "
    "release communique communiqué tally count census analysis assessment account "
    "accounts note notice website post summary minutes readout transcript email e-mail "
    "letter memo memorandum"
)

#: Publications that speak for themselves when no author is named ("the congressional report
#: found", "a new poll shows"): speakers of type ``document``. A statement, letter or email
#: is its issuer's voice instead (``SOURCE_DOCUMENT_NOUNS``).
DOCUMENT_NOUNS = _words(
    "report poll survey study memo memorandum paper analysis assessment review audit "
    "editorial census inquiry investigation probe dossier"
)

#: Data and its reading, which a figure is "according to" without anyone saying it ("according
#: to a review of the data", "according to the figures"): a quote only when an issuer is named.
DATA_NOUNS = _words(
    "data datum figure figures statistics estimate estimates number numbers record records review "
    "tally count calculation calculations analysis"
)

PERSONAL_PRONOUNS = _words("he she him her they them it")
#: Pronouns that refer back to a person, organisation or group.
ANAPHORS = _words(
    "he him his himself she her hers herself it its itself they them their theirs themselves"
)
FIRST_SECOND_PERSON = _words("i me we us you my our your")
RELATIVE_PRONOUNS = _words("who which that whom")


#: Agentive endings of nouns for people ("rescuer", "teenager", "economist", "historian",
#: "resident"); a definite description with one is taken to describe a person.
_AGENTIVE_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "ee")
_NOT_AGENTIVE = ("ment", "ness", "ance", "ence")


#: Things that are said to "say" or "show" in loose prose but have no voice: events, cases,
#: media and channels, abstractions ("the lawsuit said", "the contrast shows").
THING_NOUNS = _words(
    "lawsuit suit case controversy scandal reveal revelation process history contrast "
    "telephone phone call interview broadcast channel show programme program clip tape "
    "recording footage debate race election campaign trail event rally speech remark remarks "
    "comment comments decision ruling verdict move result results outcome vote situation "
    "issue question problem idea fact truth reality thing things way part piece"
)
#: Endings of abstract nouns ("the decision", "the argument", "the reality").
_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship")


def cannot_speak(mention: Mention) -> bool:
    """A description that names no one who could speak: a thing, an event or an abstraction,
    of no person, organisation, group or document type."""
    if mention.entity_type != "unknown" or mention.kind != "nominal":
        return False
    lemma = mention.head_lemma
    return lemma in THING_NOUNS or lemma in NON_SPEAKER_NOUNS or lemma.endswith(_ABSTRACT_SUFFIXES)


def is_company_noun(lemma: str) -> bool:
    """ "the company", "the carrier", and compounds in -maker: "drugmaker", "automaker"."""
    return lemma in COMPANY_NOUNS or (lemma.endswith("maker") and len(lemma) > 5)


def is_person_noun(lemma: str) -> bool:
    """A noun for a person: listed, a compound ending in a listed one ("neurosurgeon",
    "congressman"), or agentive and not an organisation ("the rescuer")."""
    if lemma in PERSON_NOUNS or _ends_in_person_noun(lemma):
        return True
    if (
        lemma in ORG_NOUNS
        or is_company_noun(lemma)
        or lemma in NON_SPEAKER_NOUNS
        or lemma in SOURCE_DOCUMENT_NOUNS
        or lemma in DOCUMENT_NOUNS
        or lemma.endswith(_NOT_AGENTIVE)
    ):
        return False
    return len(lemma) > 4 and lemma.endswith(_AGENTIVE_SUFFIXES)


def could_be_someone(tok: Token) -> bool:
    """A common noun that can name a person, organisation or group: a listed or agentive
    person noun, an organisation or company head, a group noun, or a nationality."""
    lemma = tok.lemma_.lower()
    return (
        is_person_noun(lemma)
        or lemma in ORG_NOUNS
        or is_company_noun(lemma)
        or lemma in COLLECTIVE_NOUNS
        or tok.lower_ in GROUP_NOUNS
        or lemma in GROUP_NOUNS
        or tok.ent_type_ == "NORP"
        or tok.lower_.endswith(("man", "woman", "men", "women"))
    )


def _ends_in_person_noun(lemma: str) -> bool:
    return any(lemma[k:] in PERSON_NOUNS for k in range(2, len(lemma) - 4))


def expand_title(word: str) -> str:
    """Lower-case ``word`` without a trailing period, with an abbreviated title spelled out."""
    w = word.lower().rstrip(".")
    return TITLE_EXPANSIONS.get(w, w)


def gender_of_words(words: list[str] | tuple[str, ...]) -> str | None:
    """ "f" or "m" when the words carry a gendered title or role noun, else None."""
    for w in words:
        lw = w.lower().rstrip(".")
        if lw in FEMALE_WORDS:
            return "f"
        if lw in MALE_WORDS:
            return "m"
    return None
