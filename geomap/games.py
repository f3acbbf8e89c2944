"""Reports of games: whether a town's name is a side in a game, a club named for its town.

"Gomel 2 Vitebsk 0;", "a 2-0 win over Slutsk", "the hosts Gomel", "joined Brest on loan":
the wording around a name in a sentence about a game, or anywhere in a report of games (a
text of scores and results lines), says it is a club's. Recognition asks this of every
town's name; a national side is counted as its country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import NAME, WHERE_BEFORE
from .sentences import sentence_says

# A game's result: "beat Zirka", "lost to Kolos", "Inhulets drew"
_RESULT_BEFORE = re.compile(
    r"\b(?:beat|beating|defeated|defeating|edged?|edges|thrashed|thrashing|"
    r"lost\s+(?:at\s+home\s+|away\s+)?(?:\d{1,2}[-–]\d{1,2}\s+)?to|"
    r"drew\s+(?:\d{1,2}[-–]\d{1,2}\s+)?(?:with|against)|face|faces|faced|meet|meets|met|"
    r"play|plays|played|(?:held|beaten)\s+(?:\d{1,2}[-–:]\d{1,2}\s+)?by|"
    # "a 2-0 win over Vitebsk", "a 3-0 defeat against Karpaty", "the game against Gomel"
    r"(?:wins?|victory|defeat|loss|draw|game|match|clash|lead)\s+(?:over|against|to|with|by))"
    r"\s+$"
)
_RESULT_AFTER = re.compile(
    r"\s+(?:beat|defeated|edged?|edges|thrashed|drew|lost\s+(?:\d{1,2}[-–]\d{1,2}\s+)?to|"
    r"won\s+\d|(?:will\s+(?:now\s+)?)?(?:face|faces|faced|meet|meets|met|play|plays|played)|"
    r"fell\s+to\s+(?:an?\s+)?(?:\d{1,2}[-–]\d{1,2}\s+)?(?:defeat|loss))\b"
)
# What only a side does in a game, whatever the size of its town: "Dnipro levelled from the
# penalty spot", "Dnipro held by Kryvbas"
_SIDE_AFTER = re.compile(
    r"\s+(?:held\s+by|levelled|leveled|equalised|equalized|dropped\s+points|went\s+ahead|"
    r"(?:go|goes|went)\s+top|moved\s+(?:up\s+)?to\s+the\s+top|conceded|scored|"
    r"(?:were|was)\s+(?:held|beaten)|had\s+led\s+\d|let\s+slip|"
    r"(?:have|has)\s+(?:now\s+)?gone\s+\w+\s+(?:games|matches)\s+without)\b"
)

# A side held to a draw, and a side's players: "held Pavlohrad to a draw", "Lozova's keeper"
_HELD_BEFORE = re.compile(r"\bheld\s\Z")
_TO_A_DRAW_AFTER = re.compile(r"\s+to\s+an?\s+(?:[\w-]+\s+)?draw\b")
_SQUAD_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:head\s+)?(?:goalkeeper|keeper|striker|midfielder|defender|captain|coach|"
    r"manager|squad|players|forward|winger|scorers?|fans|supporters|ultras)\b"
)
# "Oleksandriya 2-1", "Jonava 88-84", "Lviv 1:0": a side and its score (not "at 10:30")
_SCORE_AFTER = re.compile(r"\s+(?:\d{1,3}[-–]\d{1,3}\b|\d{1,2}:\d(?![\d:]))")
# What a side is called, and what it does or has, in a sentence about a game: "the hosts
# Gomel", "league leaders Oleksandriya", "Isloch 1:1 Slutsk", "joined Brest on loan",
# "Gomel FC", "the Brest side", "Gomel's 2-0 win"
_SIDE_NOUN_BEFORE = re.compile(
    r"\b(?:hosts|visitors|champions|leaders|holders|newcomers|promoted|relegated|rivals|"
    r"opponents|underdogs|favourites|favorites|bottom\s+(?:club|side))\s+\Z"
)
# "Gomel, the league leaders,"; "Gomel stay top", "Brest lost at home to"
_SIDE_APPOSITIVE_AFTER = re.compile(
    r",\s+(?:the\s+)?(?:league\s+)?(?:leaders|champions|hosts|visitors|holders|newcomers)\b"
    r"|\s+(?:stay|stayed|stays)\s+(?:top|unbeaten)\b"
    r"|\s+(?:extend|extended|extends)\s+(?:their|its)\s+lead\b"
    # ... "Vitebsk lost again at Brest": where a side plays, not where it is
    r"|\s+(?:won|lost|drew)\s+(?:again\s+)?(?:at\s+home|away|at\s+[A-Z])"
    r"|\s+(?:host|hosts|hosted)\s+[A-Z]"
)
# In a report of games: "Gomel – Vitebsk", "Brest - Slutsk 1:1"; "Gomel host Vitebsk"
_FIXTURE_DASH_AFTER = re.compile(r"\s[–-]\s[A-Z][\w'’-]*\b")
_FIXTURE_DASH_BEFORE = re.compile(r"\b[A-Z][a-z][\w'’-]*\s[–-]\s\Z")
_HOSTS_BEFORE = re.compile(r"\b(?:host|hosts|hosted)\s\Z")
_SCORE_IN = re.compile(r"\d[-–:]\d")
_SCORE_BEFORE = re.compile(r"(?<![\w.:/–-])(?:\d{1,2}[-–]\d{1,2}|\d:\d)\s\Z")
# "moved to Slutsk on a free transfer", "left for Brest on loan"
_TRANSFER_AFTER = re.compile(
    r"\s+(?:on\s+(?:a\s+)?(?:free\s+transfer|loan|season-long\s+loan)|for\s+an?\s+"
    r"(?:undisclosed|record|nominal)\s+fee)\b"
)
# British usage gives a club a plural verb: "Salihorsk are top", "Brest have won three"
_PLURAL_SIDE_AFTER = re.compile(
    r"\s+(?:are|were|have)\s+(?:top|bottom|unbeaten|level|through|out|now|still|won|lost|drawn|"
    r"yet|three|two|four|five|six|seven|eight|nine|ten|\d)"
)
_TRANSFER_BEFORE = re.compile(
    r"\b(?:joined(?:\s+from)?|signed\s+(?:for|with|from)|on\s+loan\s+(?:at|to|from)|"
    r"released\s+by)\s(?:[A-Z][\w'’-]*\s)?\Z"
)
_TEAM_AFTER = re.compile(
    r"\s+(?:FC|F\.C\.|HC|BC|side|team|club|eleven)\b"
    r"|['’]s\s+(?:\d{1,2}[-–]\d{1,2}\s+)?(?:win|victory|defeat|loss|draw|lead|goals?|opener|"
    r"equali[sz]er|winner|title|unbeaten\s+run|winning\s+run|home\s+games?)\b"
)
# "Vitebsk v Slutsk", "Brest vs. Grodno": a fixture
_VERSUS_AFTER = re.compile(r"\s+(?:v|vs\.?|versus)\s+[A-Z]")
_VERSUS_BEFORE = re.compile(r"[a-z]\s+(?:v|vs\.?|versus)\s+\Z")
# a side's score or points in a results line or a table: "Gomel 2 Vitebsk 0;", "Brest 84
# points, Gomel 80"
_LINE_SCORE_AFTER = re.compile(
    r"\s\d{1,3}(?:\s(?:pts|points))?(?=\s*[,;.]|\s*$|\s[A-Z]|\s\()", re.MULTILINE
)
# ... and a table's row: "2 Oleksandriya 20 14 4 2 46" (played, won, drawn, lost, points)
_TABLE_ROW_AFTER = re.compile(r"(?:[ \t]+\d{1,3}){3,}[ \t]*$", re.MULTILINE)
# Scores and results lines, counted to tell a report of games
_GAME_SCORE = re.compile(r"(?<![\w.:/–-])(?:\d{1,2}\s?[-–]\s?\d{1,2}|\d:\d)(?![\w.:/–-])")
_RESULT_LINE = re.compile(rf"{NAME}\s\d{{1,3}},?\s(?:[-–]\s)?(?:{NAME}\s)+\d{{1,3}}\b")
# "Kharkiv beat Lviv 2-1": the side that beat another, by a score
_RESULT_SCORED = re.compile(
    r"\s+(?:beat|defeated|drew\s+with|lost\s+to)\s+(?:[A-Z][\w'’-]*\s+){1,3}\d{1,3}[-–]\d{1,3}\b"
)

# The names of the clubs of Eastern Europe, which put their town after them: "Karpaty Lviv",
# "Metalist Charkov", "Shakhtar Donetsk", "Neman Grodno", "Legia Warsaw"
_CLUB_NAMES = (
    r"Karpaty|Metalist|Shakhtar|Šachtar|Schachtar|Szachtar|Chakhtar|Shakhtyor|Zorya|Zoria|"
    r"Sorja|Vorskla|Worskla|Chornomorets|Tschornomorez|Kryvbas|Polissya|Veres|Rukh|Inhulets|"
    r"Kolos|Obolon|Torpedo|Neman|Naftan|Belshina|Slavia|Zenit|CSKA|Legia|Pogoń|Śląsk|Górnik|"
    r"Zagłębie|Jagiellonia|Hapoel|Maccabi|Beitar|Partizan|Sparta|Slovan|Baník|Steaua|"
    r"Zimbru|Milsami|Petrocub|Ararat|Pyunik|Qarabağ|Qarabag|Neftçi|Neftchi"
)
# "the football club Kryvbas Kryvyi Rih", "FC Dnipro": a club named for its town
CLUB_BEFORE = re.compile(
    r"(?:\b(?:football|soccer|hockey|basketball|volleyball|handball|sports?)\s+(?:club|team)"
    r"|\bF\.?C\.?"
    # ... in German, French, Spanish and Italian: "der Fußballklub Nywa Winnyzja"
    r"|\b(?:Fu(?:ß|ss)ball|Eishockey|Handball)(?:klub|verein|club)"
    r"|\b(?:club|équipe|equipo|squadra)\s+(?:de|di)\s+(?:football|fútbol|futbol|calcio|hockey)"
    # ... in Czech, Slovak and Polish: "Fotbalový klub Metalist Charkov", "klub piłkarski"
    r"|\b(?:[Ff]otbalov[ýé]|[Ff]utbalov[ýé]|[Pp]iłkarski|[Hh]okejov[ýé])\s+klub"
    r"|\bklub\s+(?:piłkarski|sportowy)"
    # the words clubs put before their town: "Real Zaragoza", "Dynamo Kyiv", "Olympique Lyon"
    r"|\b(?:Real|Atlético|Athletic|Olympique|Dynamo|Dinamo|Spartak|Lokomotiv|Sporting|Racing"
    rf"|{_CLUB_NAMES}))"
    r"\s+(?:[A-Z][\w'’-]*\s+){0,2}$"
)
# ... and such a club's own name before its town's: "Karpaty" (a village too) in "Karpaty Lviv"
CLUB_NAME = re.compile(rf"(?:{_CLUB_NAMES})")

# A sentence about a game: two capitalised names side by side in it are a club's
_SPORTS = re.compile(
    r"\b(?:beat|beats|drew|match|matches|league|cup|fans|supporters|stadium|season|coach|"
    r"striker|goals?|scored|fixture|derby|football|home\s+games?|kick-?off|champions?hip|"
    r"draw|penalty|penalties|goalkeeper|keeper|midfielder|defender|winger|equali[sz]er|"
    r"half-time|stoppage\s+time|added\s+time|played|plays|on\s+loan|transfer\s+window|"
    r"(?:top|bottom)\s+of\s+the\s+(?:table|league|standings)|free[\s-]kick|header|"
    r"far\s+(?:post|corner)|(?:his|her)\s+marker|hat-trick|(?:red|yellow)\s+card|offside)\b",
    re.IGNORECASE,
)

# ... and the words of a results page, which alone say little
_REPORT_WORDS = re.compile(
    r"\b(?:results|standings|fixtures|pts|round|unbeaten|win|won|victory|defeat|relegation|"
    r"promoted|relegated|play-?offs?|semi-finals?|quarter-finals?|final|overtime|shootout)\b",
    re.IGNORECASE,
)


def sports_sentence(text: str, start: int, end: int) -> bool:
    """A sentence with a word of sport or a score ("the 2-0 win over Slutsk")."""
    return sentence_says(_SPORTS, text, start, end) or sentence_says(_GAME_SCORE, text, start, end)


def side_in_game(text: str, start: int, end: int, *, country: bool, small_town: bool) -> bool:
    """Whether the name at text[start:end] is a side in a game, named for its town: a small
    town's name that beats or loses to another ("Vorskla Poltava beat Zirka"), and any
    town's with a score or a deed only a side does ("Kharkiv beat Lviv 2-1", "Dnipro
    levelled"), in a sentence about a game or anywhere in a report of games. A country is
    never one: a national side is counted as its country."""
    report = match_report(text)
    if not (report or sports_sentence(text, start, end)):
        return False
    if country:
        return False
    result = _RESULT_BEFORE.search(text, max(0, start - 24), start) or _RESULT_AFTER.match(
        text, end
    )
    # (a result with its score settles it for a city of any size: "lost 2-3 to Vitebsk")
    if result and (report or small_town or _SCORE_IN.search(result.group())):
        return True
    return bool(
        _SCORE_AFTER.match(text, end)
        or (_RESULT_AFTER.match(text, end) and _RESULT_SCORED.match(text, end))
        # "held Pavlohrad to a draw", "Lozova's keeper saved a penalty", "Vitebsk v Slutsk"
        or (
            _HELD_BEFORE.search(text, max(0, start - 6), start)
            and _TO_A_DRAW_AFTER.match(text, end)
        )
        or _SQUAD_AFTER.match(text, end)
        or _SIDE_AFTER.match(text, end)
        or _VERSUS_AFTER.match(text, end)
        or _VERSUS_BEFORE.search(text, max(0, start - 10), start)
        # "the hosts Gomel", "a 2-0 Vitebsk", "joined Brest on loan", "Gomel FC", "the Brest side"
        or _SIDE_NOUN_BEFORE.search(text, max(0, start - 30), start)
        or _SCORE_BEFORE.search(text, max(0, start - 8), start)
        or _TRANSFER_BEFORE.search(text, max(0, start - 24), start)
        or _TRANSFER_AFTER.match(text, end)
        or _PLURAL_SIDE_AFTER.match(text, end)
        or _TEAM_AFTER.match(text, end)
        # ("Gomel, the league leaders," but "In Slutsk, the hosts were held")
        or (
            _SIDE_APPOSITIVE_AFTER.match(text, end)
            and not WHERE_BEFORE.search(text, max(0, start - 20), start)
        )
        # "Results: Gomel 2 Vitebsk 0; ...", "Table: Brest 84 points, Gomel 80", a fixture
        # "Gomel – Vitebsk" (not a dateline's "MINSK – Gomel"), "Gomel host Vitebsk"
        or (
            report
            and (
                _LINE_SCORE_AFTER.match(text, end)
                or _TABLE_ROW_AFTER.match(text, end)
                or _FIXTURE_DASH_AFTER.match(text, end)
                or _FIXTURE_DASH_BEFORE.search(text, max(0, start - 30), start)
                or _HOSTS_BEFORE.search(text, max(0, start - 8), start)
            )
        )
    )


@lru_cache(maxsize=4)  # asked once per name run of the same text
def match_report(text: str) -> bool:
    """Whether the text reports games: three scores or results, and three words of sport."""
    scores = len(_GAME_SCORE.findall(text)) + len(_RESULT_LINE.findall(text))
    words = {w.lower() for w in _SPORTS.findall(text)} | {
        w.lower() for w in _REPORT_WORDS.findall(text)
    }
    return scores >= 3 and len(words) >= 3
