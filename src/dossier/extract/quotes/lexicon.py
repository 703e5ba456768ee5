"""The words statements are found by: speech verbs with the frames they take, and the nouns that
can name a speaker (roles, institutions, documents, outlets).

A verb's *frames* say what may follow it as the content of a statement:

    C  a clause: "said (that) …", "said: “…”", "told Vox (that) …"
    N  a noun phrase with content: "demanded the release of …", "called for a ceasefire"
    T  an object and a to-infinitive: "urged both sides to …", "asked the UN to …"
    O  an object and "of": "accused France of stationing troops …"
    A  an object and "as": "described the events as an effort to …"
    I  a to-infinitive of its own: "claimed to have overthrown …", "vowed to …"
    V  the verb may follow its content: "…, X said", "“…,” said X"

Forms that are also common nouns ("reports", "claims", "states") count only before "that", a
quotation or a colon, or after their content.
"""

from __future__ import annotations

from typing import NamedTuple


class Verb(NamedTuple):
    lemma: str
    frames: str  # letters of the frames above
    ambiguous: bool = False  # the form is also a noun ("reports") or an adjective ("detailed")

    def takes(self, frame: str) -> bool:
        return frame in self.frames


# lemma: forms, frames. Forms ending in "*" are ambiguous.
_VERBS = """
say: said says say saying | CV
tell: told tells telling | CV
add: added adds adding | CV
state: stated states* stating | CV
note: noted notes* noting | CNV
explain: explained explains explaining | CV
argue: argued argues arguing argue | CV
warn: warned warns warning warn | CV
warn of: warned of|warns of|warning of | N
claim: claimed claims* claiming claim* | CIV
announce: announced announces announcing announce | CNV
insist: insisted insists insisting insist | CV
stress: stressed stresses* stressing | CNV
emphasize: emphasized emphasised emphasizes emphasises emphasizing emphasising | CNV
underline: underlined underlines underscored underscores | CNV
declare: declared declares declaring | CNV
write: wrote writes | CV
assert: asserted asserts asserting | CV
acknowledge: acknowledged acknowledges acknowledging | CV
admit: admitted admits admitting | CIV
confirm: confirmed confirms confirming | CV
maintain: maintained maintains maintain | CV
report: reported reports* reporting | CV
indicate: indicated indicates indicating | CV
detail: detailed* details* | CV
clarify: clarified clarifies | CV
highlight: highlighted highlights* highlighting | CNV
charge: charged* charges* | CV
allege: alleged* alleges alleging allege | CV
affirm: affirmed affirms reaffirmed reaffirms reiterated reiterates reiterating | CNV
reveal: revealed reveals revealing disclosed discloses | CV
deny: denied denies denying deny | CV
assure: assured assures assuring | CV
inform: informed informs | C
predict: predicted predicts | CV
suggest: suggested suggests suggest | C
promise: promised promises* pledged pledges* vowed vows* | CI
threaten: threatened threatens threatening | CI
estimate: estimated* estimates* | CV
believe: believing | C
urge: urged urges urging | TN
ask: asked asks asking | T
call on: called on|calls on|calling on|called upon|calls upon | T
call for: called for|calls for|calling for | N
advocate for: advocated for|advocates for|advocating for|advocated|advocates | N
demand: demanded demands* demanding | CNT
request: requested requests* requesting | CNT
encourage: encouraged encourages encouraging | CNT
order: ordered orders* ordering | T
accuse: accused accuses accusing | O
describe: described describes describing | A
express: expressed expresses expressing | N
cite: cited cites citing | N
continue: continued | V
reply: replied responded | V
tweet: tweeted posted | CV
point out: pointed out|points out|pointing out | CV
make clear: made it clear|made clear|makes it clear|make it clear|making it clear | C
"""


def _forms() -> dict[str, Verb]:
    forms: dict[str, Verb] = {}
    for line in _VERBS.strip().splitlines():
        lemma, _, rest = line.partition(":")
        words, _, frames = rest.rpartition("|")
        separator = "|" if "|" in words.strip() else None
        for form in words.strip().split(separator):
            form = form.strip()
            ambiguous = form.endswith("*")
            forms[form.rstrip("*")] = Verb(lemma.strip(), frames.strip(), ambiguous)
    return forms


VERBS: dict[str, Verb] = _forms()
# Verbs that need content after them (a clause, a quotation, a noun phrase of content):
# "announced the beginning of moves" reports an act, not a statement.
NEEDS_CONTENT = frozenset("announce claim confirm acknowledge maintain report highlight reveal".split())
PARTICIPLE_SUFFIX = "ing"

PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "we": "plural", "i": "person"}

# Nouns that name people speaking in a capacity ("a senior US official", "witnesses").
ROLE_NOUNS = frozenset(
    """official officials analyst analysts spokesman spokeswoman spokesperson spokespeople spokesmen expert
    experts source sources diplomat diplomats commander commanders adviser advisers advisor advisors
    minister ministers teacher teachers resident residents lawmaker lawmakers mp mps member members
    leader leaders officer officers researcher researchers fellow fellows professor scholar scholars
    witness witnesses activist activists observer observers journalist journalists correspondent
    correspondents president premier cleric clerics politician politicians ambassador envoy envoys
    general colonel delegate delegates representative representatives soldiers soldier fighters
    militants rebels protesters protester doctors doctor medics medic nurse nurses survivor survivors
    victims relatives father mother son daughter brother sister wife husband farmer farmers worker
    workers students student reporter reporters critics critic monitors monitor mediators mediator
    negotiators negotiator
    chief chiefs head heads director directors secretary secretaries governor governors mayor mayors
    prosecutor prosecutors judge judges lawyer lawyers inspector inspectors investigators investigator
    rescuers rescuer volunteers volunteer villagers displaced refugees refugee people man woman men
    women participant participants insiders insider residents group groups organization organizations
    organisation organisations charity charities ngo ngos agencies broadcasters monitor think-tank
    institute""".split()
)
# Roles whose words are their country's or organization's ("a US official", "Britain's delegate");
# an "Iraqi analyst" speaks for no one but themselves.
REPRESENTATIVE_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople spokesmen diplomat diplomats
    ambassador envoy envoys delegate delegates representative representatives minister ministers
    officer officers commander commanders negotiator negotiators mediator leader leaders chief
    chiefs""".split()
)
# Bodies that speak for a country, an organization or a group ("Sudan's armed forces").
INSTITUTION_NOUNS = frozenset(
    """government governments ministry ministries army military forces presidency office cabinet parliament
    embassy mission delegation police authorities authority administration regime junta command
    council committee commission commissions department navy guard leadership center centre bureau
    service unit""".split()
)
# Things that carry someone's words.
DOCUMENT_NOUNS = frozenset(
    """statement statements report reports study analysis communique communiqué release briefing
    resolution resolutions declaration tweet post letter memo survey assessment document text
    announcement decree bulletin""".split()
)
# Outlets: reporting by them is not the words of the country they are in.
OUTLET_NOUNS = frozenset(
    """television tv channel agency newspaper paper radio broadcaster broadcasters network daily outlet
    outlets media website broadcast press""".split()
)
OUTLETS = frozenset(
    "reuters afp ap bloomberg xinhua tass ria cnn bbc irna isna ina rudaw kurdistan24 axios politico".split()
)
# Heads of definite descriptions that point back to an entity of one of these types.
DESCRIPTION_TYPES = {
    "group": ("armed-group", "organization"), "militia": ("armed-group",),
    "movement": ("armed-group", "organization"),
    "faction": ("armed-group",), "paramilitaries": ("armed-group",), "rebels": ("armed-group",),
    "bloc": ("organization",), "alliance": ("organization", "armed-group"), "organization": ("organization",),
    "organisation": ("organization",), "agency": ("organization",), "body": ("organization",),
    "company": ("organization",), "firm": ("organization",), "giant": ("organization",),
    "union": ("organization",), "coalition": ("organization", "armed-group"), "party": ("organization",),
    "country": ("country",), "nation": ("country",), "kingdom": ("country",), "republic": ("country",),
    "junta": ("armed-group", "organization", "country"), "council": ("organization",),
    "committee": ("organization",), "commission": ("organization",), "assembly": ("organization",),
    "organ": ("organization",), "court": ("organization",), "tribunal": ("organization",),
    "think-tank": ("organization",), "institute": ("organization",), "rebel": ("armed-group",),
    "government": ("country",), "administration": ("country",), "regime": ("country", "armed-group"),
}  # fmt: skip
TITLE_WORDS = frozenset(
    """president vice prime minister ministers deputy foreign defense defence interior secretary general
    major lieutenant colonel gen gen. col. lt. maj. brig brig. admiral commander chief spokesman
    spokeswoman spokesperson ambassador senator sen. rep. representative dr. dr sheikh ayatollah grand
    imam king queen prince emir mr. mrs. ms. mr mrs ms air force army navy marine corps us u.s. american
    iraqi iranian israeli syrian kurdish state national security adviser advisor head leader chairman
    director speaker parliament of the analyst researcher professor prof. envoy administrator captain
    capt. sergeant sgt. judge mayor governor""".split()
)
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir gen gen. brig brig. col col. lt lt. maj maj.".split()
)
FEMALE_HINTS = frozenset("mrs mrs. ms ms. miss queen spokeswoman madam lady".split())
MALE_HINTS = frozenset("mr mr. sir king spokesman prince emir sheikh".split())
# Demonyms of the countries news names most: "the Nigerien military" speaks for Niger.
DEMONYMS = {
    "american": "United States", "us": "United States", "u.s.": "United States", "iraqi": "Iraq",
    "iranian": "Iran", "syrian": "Syria", "israeli": "Israel", "palestinian": "Palestine",
    "lebanese": "Lebanon", "jordanian": "Jordan", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
    "qatari": "Qatar", "kuwaiti": "Kuwait", "yemeni": "Yemen", "omani": "Oman", "bahraini": "Bahrain",
    "egyptian": "Egypt", "libyan": "Libya", "tunisian": "Tunisia", "algerian": "Algeria",
    "moroccan": "Morocco", "sudanese": "Sudan", "south sudanese": "South Sudan", "chadian": "Chad",
    "nigerien": "Niger", "nigerian": "Nigeria", "malian": "Mali", "burkinabe": "Burkina Faso",
    "senegalese": "Senegal", "ethiopian": "Ethiopia", "eritrean": "Eritrea", "somali": "Somalia",
    "kenyan": "Kenya", "ugandan": "Uganda", "rwandan": "Rwanda", "congolese": "Congo",
    "south african": "South Africa", "turkish": "Turkey", "kurdish": "Kurdistan", "russian": "Russia",
    "ukrainian": "Ukraine", "chinese": "China", "japanese": "Japan", "korean": "Korea", "indian": "India",
    "pakistani": "Pakistan", "afghan": "Afghanistan", "british": "United Kingdom", "french": "France",
    "german": "Germany", "italian": "Italy", "spanish": "Spain", "dutch": "Netherlands", "belgian": "Belgium",
    "polish": "Poland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark", "greek": "Greece",
    "canadian": "Canada", "australian": "Australia", "mexican": "Mexico", "brazilian": "Brazil",
    "venezuelan": "Venezuela", "colombian": "Colombia", "argentine": "Argentina", "cuban": "Cuba",
}  # fmt: skip
