"""A country by what people type: names, codes, demonyms, short forms and other languages'
names ("uk", "england", "the states", "deutschland", "méxico", "irish"), only for the
countries the crisis-line directory knows (safety.countries()).

Rules:
1. Whole words and phrases only, never fuzzy: "no" is not Norway, "in" is not India.
2. A two-letter code counts only as the whole answer to the country question, and not the
   codes that are everyday words ("no", "in", "it", "be", "my", "id", "at", "me").
3. "i live in …", "i'm from …" is read at any time; the rest of the sentence must be a
   country, so "i'm in a bad place" is no country. After "i live in", "i'm in" (not "i'm
   from") the country may be followed by more ("i live in scotland, in glasgow", "i live
   in france but i am portuguese"). Big cities, states and provinces count as their
   country ("im in leeds", "from lagos", "toronto", "texas"); a city's name followed by
   the state or country it is in is read by that ("london, ontario" is Canada, "paris,
   texas" the US), never guessed as the big one. It is read in any clause of the message,
   in a few other languages too ("vivo en alemania", "ich wohne in österreich"); where
   the writer lives wins over where they are from ("i'm from mexico but i live in texas").
   A message that asks something ("?") is about that, unless it begins by saying where;
   where lines are asked for, the sentences around the question still say it
   (`said_to_be_in`: "should i call 911?? im in toronto").
4. A short message that is only a country ("uk pls", "canada 🇨🇦", "Germany please") is
   read at any time (`named`), by its names, never by a bare two-letter code.
5. A country named after "not" ("we're in australia, not the uk") is not one the writer
   means: `mentioned` leaves it out.
6. A country the directory has no lines for ("Peru", "Colombia": tzdata's list of
   countries) is still a country: read as the others are, it gets the international lines
   (`has_lines`), and is kept as the person's (their check-in time zone, their lines if
   the directory ever has them). A name that is an everyday word ("chad", "jordan",
   "georgia") is never read as one. "Somewhere else" chosen is kept too, as
   `SOMEWHERE_ELSE`, so a deployment's default country never comes back in its place.
7. A word for a country's people ("polish", "aussie") counts alone or said of the writer
   ("i'm polish", "we are irish"), never of someone else ("my mum is polish").
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from functools import cache

import safety

# "Somewhere else" chosen on the country picker (rule 6): ISO 3166's code for an unknown
# place, in the directory never, so its lines are the international ones.
SOMEWHERE_ELSE = "ZZ"
# Other names, by ISO code; each country's English name (from the directory) counts too.
_ALIASES: dict[str, tuple[str, ...]] = {
    "AR": ("arg",),
    "AU": ("aus", "oz", "straya", "australien"),
    "AT": ("österreich", "osterreich", "autriche"),
    "BY": ("беларусь",),
    "BE": ("belgique", "belgië", "belgie", "belgien"),
    "BR": ("brasil",),
    "CA": ("canadá", "kanada"),
    "CN": ("中国", "prc", "mainland china"),
    "CM": ("cameroun",),
    "CI": ("ivory coast", "cote divoire"),
    "DK": ("danmark", "dänemark"),
    "EG": ("misr", "مصر"),
    "FI": ("suomi", "finnland"),
    "FR": ("frankreich", "francia"),
    "DE": ("deutschland", "allemagne", "alemania", "germania"),
    "HK": ("hongkong", "hk", "香港"),
    "IN": ("bharat", "भारत", "hindustan"),
    "ID": ("indo",),
    "IR": ("persia", "ایران"),
    "IE": ("eire", "éire", "republic of ireland", "roi", "irlanda", "irland"),
    "IL": ("ישראל",),
    "IT": ("italia", "italien", "italie"),
    "JP": ("nippon", "nihon", "日本", "japan"),
    "KZ": ("қазақстан",),
    "MY": ("msia",),
    "MX": ("méxico", "mexiko", "mexique"),
    "NL": ("holland", "the netherlands", "nederland", "niederlande", "pays bas"),
    "NZ": ("aotearoa", "nz", "kiwiland"),
    "NG": ("naija",),
    "NO": ("norge", "noreg", "norwegen"),
    "PH": ("pilipinas",),
    "PL": ("polska", "polen", "pologne"),
    "RU": ("россия", "rossiya", "russland", "russian federation"),
    "SG": ("singapura", "sg"),
    "SN": ("sénégal",),
    "ZA": ("rsa", "mzansi", "sa"),
    "KR": ("korea", "한국", "republic of korea"),
    "ES": ("españa", "espana", "spanien", "espagne"),
    "SE": ("sverige", "schweden", "suède"),
    "CH": ("schweiz", "suisse", "svizzera"),
    "TH": ("thailand", "ประเทศไทย"),
    "TR": ("türkiye", "turkiye", "türkei", "turkei"),
    "TT": ("trinidad", "tobago", "trinidad tobago", "t and t"),
    "UA": ("україна", "ukraina", "the ukraine"),
    "GB": (
        "uk",
        "u k",
        "the uk",
        "britain",
        "great britain",
        "gb",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "united kingdom",
        "the united kingdom",
        "blighty",
    ),
    "US": (
        "usa",
        "us",
        "u s",
        "u s a",
        "the us",
        "the usa",
        "the states",
        "states",
        "america",
        "united states of america",
        "the united states",
        "murica",
        "estados unidos",
        "eeuu",
        "vereinigte staaten",
    ),
    "UZ": ("oʻzbekiston", "ozbekiston"),
    "VN": ("viet nam", "việt nam", "viet"),
}
# Words for a country's people ("polish", "aussie"): a country only when said of the
# writer ("i'm polish", "we are irish") or alone, never of someone else ("my mum is polish").
_DEMONYMS: dict[str, tuple[str, ...]] = {
    "AO": ("angolan", "angolano", "angolana"),
    "AR": ("argentine", "argentinian", "argentinean"),
    "AU": ("aussie", "australian"),
    "AT": ("austrian",),
    "BD": ("bangladeshi",),
    "BY": ("belarusian",),
    "BE": ("belgian",),
    "BR": ("brazilian", "brasileiro", "brasileira"),
    "CA": ("canadian",),
    "CL": ("chilean", "chileno", "chilena"),
    "CN": ("chinese",),
    "CM": ("cameroonian", "camerounais", "camerounaise"),
    "CI": ("ivorian", "ivoirien", "ivoirienne"),
    "DK": ("danish", "dane"),
    "EG": ("egyptian",),
    "ET": ("ethiopian",),
    "FI": ("finnish", "finn"),
    "FR": ("french", "française", "francaise", "français"),
    "DE": ("german", "deutsch", "deutsche"),
    "GH": ("ghanaian",),
    "HK": ("hong konger",),
    "IN": ("indian",),
    "ID": ("indonesian",),
    "IR": ("iranian", "persian"),
    "IE": ("irish",),
    "IL": ("israeli",),
    "IT": ("italian",),
    "JP": ("japanese",),
    "JM": ("jamaican",),
    "KZ": ("kazakh", "kazakhstani"),
    "KE": ("kenyan",),
    "MY": ("malaysian",),
    "MX": ("mexican", "mexicano", "mexicana"),
    "NL": ("dutch",),
    "NZ": ("kiwi", "new zealander"),
    "NG": ("nigerian",),
    "NO": ("norwegian",),
    "PK": ("pakistani",),
    "PH": ("filipino", "filipina", "pinoy", "pinay", "philippine"),
    "PL": ("polish", "pole"),
    "PT": ("portuguese", "portugues", "português"),
    "RU": ("russian",),
    "SG": ("singaporean",),
    "SN": ("senegalese", "sénégalais", "sénégalaise"),
    "ZA": ("south african",),
    "KR": ("korean", "south korean"),
    "ES": ("spanish", "spaniard"),
    "SE": ("swedish", "swede"),
    "CH": ("swiss",),
    "TH": ("thai",),
    "TT": ("trinidadian", "trini"),
    "TZ": ("tanzanian",),
    "TR": ("turkish",),
    "UG": ("ugandan",),
    "UA": ("ukrainian",),
    "GB": ("british", "english", "scottish", "welsh"),
    "US": ("american",),
    "UZ": ("uzbek", "uzbekistani"),
    "VN": ("vietnamese",),
    "ZM": ("zambian",),
    "ZW": ("zimbabwean",),
}
# Big cities people name instead of their country ("im in leeds", "from lagos", "toronto"):
# only those whose name means that city first. A name shared with a smaller place
# elsewhere ("london", "paris", "perth") is read as the big one, unless the state,
# province or country named after it says otherwise ("london, ontario"; `_qualified`).
# Accents are folded before matching ("São Paulo" is "sao paulo").
_CITIES: dict[str, tuple[str, ...]] = {
    "GB": (
        "london", "leeds", "manchester", "birmingham", "liverpool", "glasgow", "edinburgh",
        "cardiff", "bristol", "sheffield", "nottingham", "leicester", "belfast", "aberdeen",
        "brighton", "norwich", "swansea",
    ),
    "IE": ("dublin", "cork", "galway", "limerick", "waterford"),
    "US": (
        "chicago", "los angeles", "new york city", "nyc", "san francisco", "seattle",
        "boston", "houston", "dallas", "atlanta", "philadelphia", "miami", "denver",
        "detroit", "las vegas", "san diego", "nashville", "brooklyn", "the bronx",
    ),
    "CA": (
        "toronto", "vancouver", "montreal", "calgary", "ottawa", "edmonton", "winnipeg",
        "mississauga", "halifax", "quebec city",
    ),
    "AU": ("sydney", "melbourne", "brisbane", "adelaide", "perth", "canberra", "hobart"),
    "DE": (
        "berlin", "munich", "münchen", "hamburg", "cologne", "köln", "frankfurt", "stuttgart",
        "düsseldorf", "dresden", "leipzig", "bremen", "hannover", "nürnberg", "nuremberg",
    ),
    "FR": (
        "paris", "lyon", "marseille", "toulouse", "bordeaux", "lille", "nantes", "strasbourg",
        "montpellier", "rennes",
    ),
    "IN": (
        "bangalore", "bengaluru", "mumbai", "delhi", "new delhi", "chennai", "kolkata",
        "hyderabad", "pune", "ahmedabad", "jaipur", "lucknow",
    ),
    "BR": (
        "são paulo", "sao paulo", "rio de janeiro", "brasília", "belo horizonte",
        "fortaleza", "recife", "porto alegre", "curitiba", "manaus", "salvador da bahia",
    ),
    "MX": (
        "cdmx", "ciudad de méxico", "mexico city", "guadalajara", "monterrey", "puebla",
        "tijuana", "cancún", "querétaro",
    ),
    "ES": ("madrid", "barcelona", "sevilla", "seville", "bilbao", "málaga", "zaragoza"),
    "AR": ("buenos aires", "rosario", "mendoza"),
    "AT": ("wien", "vienna", "graz", "salzburg", "innsbruck", "linz"),
    "CH": ("zürich", "zurich", "geneva", "genève", "genf", "bern", "basel", "lausanne"),
    "IT": (
        "rome", "roma", "milan", "milano", "naples", "napoli", "turin", "torino", "florence",
        "firenze", "venice", "venezia", "bologna", "genoa", "genova", "palermo",
    ),
    "PT": ("lisbon", "lisboa", "porto", "braga", "coimbra"),
    "NL": ("amsterdam", "rotterdam", "the hague", "den haag", "utrecht", "eindhoven"),
    "BE": ("brussels", "bruxelles", "brussel", "antwerp", "antwerpen", "ghent", "gent"),
    "NZ": ("auckland", "wellington", "christchurch", "dunedin"),
    "ZA": ("johannesburg", "joburg", "cape town", "durban", "pretoria", "port elizabeth"),
    "NG": ("lagos", "abuja", "ibadan", "kano", "port harcourt"),
    "PH": ("manila", "quezon city", "cebu", "davao", "makati"),
    "JP": ("tokyo", "osaka", "kyoto", "yokohama", "nagoya", "sapporo"),
    "PL": ("warsaw", "warszawa", "kraków", "krakow", "wrocław", "gdańsk", "poznań"),
    "SE": ("stockholm", "gothenburg", "göteborg", "malmö"),
    "DK": ("copenhagen", "københavn", "aarhus"),
    "NO": ("oslo", "bergen"),
    "FI": ("helsinki", "tampere"),
    "IL": ("tel aviv", "jerusalem", "haifa"),
    "TR": ("istanbul", "ankara", "izmir"),
    "UA": ("kyiv", "kiev", "kharkiv", "lviv"),
    "PK": ("karachi", "lahore", "islamabad"),
    "BD": ("dhaka", "chittagong"),
    "ID": ("jakarta", "surabaya", "bandung"),
    "MY": ("kuala lumpur", "penang"),
    "TH": ("bangkok", "chiang mai", "phuket"),
    "VN": ("hanoi", "ho chi minh city", "saigon"),
    "KR": ("seoul", "busan"),
    "CN": ("beijing", "shanghai", "shenzhen", "guangzhou"),
    "RU": ("moscow", "moskva"),
    "KZ": ("almaty", "astana"),
    "UZ": ("tashkent",),
    "BY": ("minsk",),
    "ET": ("addis ababa",),
    "EG": ("cairo",),
    "KE": ("nairobi", "mombasa", "kisumu"),
    "GH": ("accra", "kumasi"),
    "UG": ("kampala",),
    "TZ": ("dar es salaam", "dodoma"),
    "ZM": ("lusaka",),
    "ZW": ("harare", "bulawayo"),
    "JM": ("montego bay",),
    "TT": ("port of spain",),
    "CM": ("yaoundé", "douala"),
    "CI": ("abidjan", "yamoussoukro"),
    "SN": ("dakar",),
    "AO": ("luanda",),
}  # fmt: skip
# States and provinces people name instead of their country ("texas", "ontario"); they
# also say which country a city's name is in ("paris, texas").
_REGIONS: dict[str, tuple[str, ...]] = {
    "US": (
        "alabama", "alaska", "arizona", "arkansas", "california",
        "colorado", "connecticut", "delaware", "florida", "hawaii", "idaho", "illinois",
        "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland",
        "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana",
        "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
        "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
        "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
        "vermont", "virginia", "west virginia", "washington state", "wisconsin", "wyoming",
    ),
    "CA": (
        "ontario", "quebec", "british columbia", "alberta", "manitoba", "saskatchewan",
        "nova scotia", "new brunswick", "newfoundland",
    ),
    "AU": ("queensland", "victoria", "new south wales", "tasmania", "western australia"),
}  # fmt: skip
# Countries the directory has no lines for, by their names in tzdata's iso3166.tab ("Peru",
# "Colombia"): known as countries (rule 6), shown the international lines. Other names of
# some; and names that are everyday words or people's names first, never read as one.
_WORLD_ALIASES: dict[str, tuple[str, ...]] = {
    "AE": ("uae", "emirates"),
    "CD": ("drc", "dr congo"),
    "CI": ("ivory coast", "cote d ivoire"),
    "CZ": ("czechia",),
    "KP": ("north korea",),
    "TL": ("timor leste",),
}
_NOT_A_COUNTRY = frozenset(
    {"chad", "jordan", "georgia", "jersey", "guernsey", "niger", "guinea", "dominica"}
    | {"reunion", "christmas island", "samoa", "congo", "korea", "man"}
)
# Two-letter codes that are everyday words, never read as a country (rule 2).
_WORD_CODES = frozenset({"no", "in", "it", "be", "my", "id", "at", "me", "ca", "es", "se"})
_LIVES_IN = re.compile(
    r"\b(?:i (?:live|stay|am living|m living|m based|am based) in|i m in|im in|i am in|"
    r"i m from|im from|i am from|i come from|we live in|we re in|living in|based in|"
    r"we are in|were in|i m currently in|im currently in|i am currently in|here in|"
    r"my country is|country is|i m located in|located in|live in|"
    # other languages: Spanish, Italian, Portuguese, French, German
    r"vivo en|estoy en|soy de|vivo in|sono in|sono di|moro em|moro no|moro na|sou de|"
    r"je vis en|je vis au|j habite en|j habite au|je suis en|je suis de|"
    r"ich wohne in|ich lebe in|ich bin in|ich bin aus|ich komme aus)"
    r" (?P<place>.+)$"
)
_FROM = re.compile(
    r"\b(?:i m from|im from|i am from|i come from|soy de|sono di|sou de|je suis de|"
    r"ich bin aus|ich komme aus) "
)
_US = re.compile(r"\b(?:in|for|the|a) us\b")
_OF_THE_WRITER = (
    r"\b(?:i m|im|i am|we re|were|we are|i was born|born)(?: (?:a|an|half|also|originally|from))? "
)
_SENTENCES = re.compile(r"(?<=[.!?\n])(?=[^.!?])")
_NOT = ("not", "not in", "not the", "not in the", "not from", "not from the", "no longer in")
_CLAUSES = re.compile(r"[.!?;,\n]+|\b(?:but|and|pero|aber|mais)\b", re.IGNORECASE)
_MOST_WORDS = 4  # a message only naming a country (rule 4) is this short
_FILLER = re.compile(r"^(?:in|from|the|its|it s|it is|i m in|im in|en|de|la|el)\s+")
_TRAILING = re.compile(r"\s+(?:thanks|thank you|ty|pls|please|lol|mate|now|atm|right now)$")


def find(text: str) -> str | None:
    """The country `text` names, as the answer to "where do you live?"; None if none, or
    more than one."""
    typed = _plain(text)
    typed = _TRAILING.sub("", _FILLER.sub("", typed))
    names = _names()
    if typed in names:
        return names[typed]
    qualified = _qualified(typed)
    if qualified is not None:  # "london, ontario"
        return qualified
    if len(typed) == 2 and typed not in _WORD_CODES:
        code = typed.upper()
        if safety.country_name(code) is not None:
            return code
    found = {
        code
        for name, code in names.items()
        if (len(name) > 2 or name not in _WORD_CODES | {"us", "sa"})
        and _has_phrase(typed, name)
        and _of_the_writer(typed, name)
    }
    return found.pop() if len(found) == 1 else None


def name(code: str) -> str | None:
    """The English name of a country we know (the directory's, else tzdata's), or None
    (`SOMEWHERE_ELSE` too)."""
    return safety.country_name(code) or _world_names().get(code.upper())


def has_lines(code: str | None) -> bool:
    """Whether the directory has a country's own lines (else: the international ones)."""
    return code is not None and safety.country_name(code) is not None


def lives_in(text: str) -> str | None:
    """The country in "i live in ireland", "i'm from the states", "vivo en alemania", at any
    time (rule 3), in any sentence or clause of `text`: where they live wins over where they
    are from ("vivo en Alemania, en Munich. soy de Colombia" is Germany)."""
    if "?" in text and not _LIVES_IN.match(_plain(text)):
        return None  # a question about something else ("who do i call, we're in ontario?")
    found = [said for said in (_lives_in(clause) for clause in _CLAUSES.split(text)) if said]
    lives = [code for code, origin in found if code is not None and not origin]
    origins = [code for code, origin in found if code is not None and origin]
    code = next(iter(lives or origins), None)
    qualified = _qualified(_plain(text)) if code is not None else None
    return qualified or code  # "i live in london, ontario": Canada


def said_to_be_in(text: str) -> str | None:
    """Where a message asking for lines says the writer is, in any sentence that asks
    nothing ("should i call 911?? im in toronto"): as `lives_in`, around the question; only
    a country we know by name."""
    asks_nothing = " ".join(s for s in _SENTENCES.split(text) if s.strip() and "?" not in s)
    code = lives_in(asks_nothing)
    return code if code is not None and name(code) is not None else None


def _lives_in(clause: str) -> tuple[str | None, bool] | None:
    """The country one clause says the writer lives in or is from (`origin`: from)."""
    typed = _plain(clause)
    said = _LIVES_IN.search(typed)
    if said is None:
        return None
    origin = _FROM.search(typed) is not None
    return _place(said["place"], origin=origin), origin


def _place(place: str, *, origin: bool) -> str | None:
    place = _TRAILING.sub("", _FILLER.sub("", place.strip()))
    names = _names()
    if place in names or origin:
        return names.get(place)
    words = place.split()
    for size in range(min(len(words) - 1, 4), 0, -1):
        code = names.get(" ".join(words[:size]))
        if code is not None:
            return code
    return None


def named(text: str) -> str | None:
    """The country a short message is only about ("uk pls", "The UK", "philippines po"), at
    any time (rule 4); None for anything longer or a bare code."""
    typed = _TRAILING.sub("", _FILLER.sub("", _plain(text)))
    if not typed or len(typed.split()) > _MOST_WORDS or "?" in text:
        return None
    names = _names()
    if typed in names:
        return names[typed]
    qualified = _qualified(typed)
    if qualified is not None:  # "paris texas"
        return qualified
    found = {code for name, code in names.items() if len(name) > 2 and _has_phrase(typed, name)}
    if len(found) != 1:
        return None
    code = found.pop()
    rest = typed
    for name, other in names.items():
        if other == code and len(name) > 2:
            rest = f" {rest} ".replace(f" {name} ", " ").strip()
    return code if len(rest.split()) <= 1 else None


def mentioned(text: str) -> tuple[str, ...]:
    """Every country `text` names anywhere, in order ("what number is for austria? and
    germany" -> AT, DE): by names of three letters or more, "uk", and "us" only after "in",
    "for", "the" or "a" ("a helpline in the us", "a us number"); never a bare code that is
    a word."""
    typed = _plain(text)
    at: dict[str, int] = {}
    denied: set[str] = set()  # rule 5
    for name, code in _names().items():
        if len(name) > 2 or name in ("uk", "u k"):
            where = f" {typed} ".find(f" {name} ")
            if where >= 0 and _of_the_writer(typed, name):
                at[code] = min(where, at.get(code, where))
                if any(f" {typed} ".find(f" {no} {name} ") >= 0 for no in _NOT):
                    denied.add(code)
    usa = _US.search(typed)
    if usa:
        at["US"] = min(usa.start(), at.get("US", usa.start()))
    return tuple(code for code in sorted(at, key=at.__getitem__) if code not in denied)


def sounds_like_a_place(text: str) -> bool:
    """An answer to "where do you live?" that could be a place we have no lines for: a short
    one ("Peru, Lima"), or one that says where ("i live in lima peru")."""
    typed = _plain(text)
    if "?" in text:
        return False
    return 0 < len(typed.split()) <= 3 or _LIVES_IN.search(typed) is not None


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in safety.countries():
        for said in (
            name,
            *_ALIASES.get(code, ()),
            *_CITIES.get(code, ()),
            *_REGIONS.get(code, ()),
            *_DEMONYMS.get(code, ()),
        ):
            names[_plain(said)] = code
    for code, name in _world_names().items():
        for said in (name, *_WORLD_ALIASES.get(code, ())):
            names.setdefault(_plain(said), code)
    return names


def _qualified(typed: str) -> str | None:
    """The country of a city's name followed by the state, province or country it is in,
    where that is another than the big city's ("london ontario", "paris texas", "perth
    scotland"); None when no city is qualified so."""
    words, names, cities = typed.split(), _names(), _city_names()
    for at in range(len(words)):
        for size in (3, 2, 1):
            city = " ".join(words[at : at + size])
            if city not in cities:
                continue
            rest = words[at + size :]
            rest = rest[1:] if rest[:1] == ["in"] else rest
            for wide in (3, 2, 1):
                region = " ".join(rest[:wide])
                code = names.get(region)
                if code is not None and region not in cities and code != names[city]:
                    return code
    return None


@cache
def _city_names() -> frozenset[str]:
    return frozenset(_plain(city) for cities in _CITIES.values() for city in cities)


@cache
def _demonyms() -> frozenset[str]:
    return frozenset(_plain(said) for saids in _DEMONYMS.values() for said in saids)


def _of_the_writer(typed: str, name: str) -> bool:
    """Rule 7: a word for a country's people counts alone or said of the writer ("i'm
    polish"), never of someone else ("my mum is polish"); a country's name always."""
    if name not in _demonyms() or typed == name:
        return True
    return re.search(_OF_THE_WRITER + re.escape(name) + r"\b", typed) is not None


@cache
def _world_names() -> dict[str, str]:
    """Code -> name of every country tzdata knows that the directory has no lines for,
    under a name that is no everyday word and names one country only."""
    try:
        table = importlib.resources.files("tzdata.zoneinfo").joinpath("iso3166.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    listed = {code for code, _ in safety.countries()}
    found: dict[str, str] = {}
    for line in table.splitlines():
        code, _, name = line.partition("\t")
        if line.startswith("#") or not name or code in listed:
            continue
        plain = _plain(name.split(" (")[0].replace("&", "and"))
        if plain and plain not in _NOT_A_COUNTRY:
            found[code] = name.split(" (")[0].replace("&", "and")
    return found


def _plain(text: str) -> str:
    """Lowercase, accents off, punctuation to spaces: "México!" -> "mexico"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", bare).split())


def _has_phrase(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "
