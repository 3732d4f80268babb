"""Edition-vs-year accuracy on sentences generated from the calendar itself.

    python benchmarks/bench_editions.py               # every numbered event, a few editions each
    python benchmarks/bench_editions.py --per-event 6 --verbose

For every numbered event in the bundled calendar, a few editions spread over
its runs, and every phrasing a writer uses (see ``PHRASINGS``), it writes a
short article of our own with the right edition and with the edition off by
one and by two, runs the whole check (ingest, extract, cite, rules) and
counts, per event family (festival, award, sport, contest):

- wrong editions flagged (by NLMG-R002 or NLMG-R004) out of those generated;
- right editions flagged (false alarms) out of those generated.

Targets (issue 11): at least 95% of wrong editions flagged, none of the right.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nlmg_facts.calendar import Event, default_calendar  # noqa: E402
from nlmg_facts.config import Config  # noqa: E402
from nlmg_facts.extract.editions import to_roman as roman  # noqa: E402
from nlmg_facts.ingest import Source  # noqa: E402
from nlmg_facts.pipeline import check_source  # noqa: E402

#: The edition-vs-year rules (NLMG-R003, one work at two editions, is another question).
EDITION_RULES = {"NLMG-R002", "NLMG-R004"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TENS_TH = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
            "eightieth", "ninetieth"]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def word_ordinal(n: int) -> str | None:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS_TH[tens] if unit == 0 else f"{_TENS[tens]}-{_UNITS[unit]}"
    return None


def _month(e: Event) -> str:
    return MONTHS[(e.month or 6) - 1]


def _plural(name: str) -> bool:
    return name.endswith("s")


# Each phrasing: (name, applies(event) -> bool, template(event, edition_text_fn, n, year) -> text).
# ``o(n)`` writes edition n in the phrasing's own form.
def _phrasings():
    def held(e, n, y):
        return f"It was shown at the {ordinal(n)} {e.name}, held in {y}."

    def opening(e, n, y):
        return f"In {y}, the {ordinal(n)} {e.name} featured the work."

    def appositive(e, n, y):
        word = "ceremony" if e.kind == "award" else "edition"
        return f"It was honoured at the {y} {word}, the {ordinal(n)} {e.name}."

    def parenthesis(e, n, y):
        return f"It took part in the {ordinal(n)} ({y}) {e.name}."

    def possessive(e, n, y):
        return f"It took part in the {e.name}'s {y} edition, its {ordinal(n)}."

    def words(e, n, y):
        return f"In {y} it took part in the {word_ordinal(n)} {e.name}."

    def full_date(e, n, y):
        return f"On {_month(e)} 12, {y}, at the {ordinal(n)} {e.name}, it won a prize."

    def annual(e, n, y):
        return f"It won at the {ordinal(n)} Annual {e.name} in {_month(e)} {y}."

    def numeral(e, n, y):
        form = e.numeral_forms[0].replace("{n}", roman(n))
        return f"It was watched at {form} in {_month(e)} {y}."

    def honoured(e, n, y):
        verb = "were" if _plural(e.name) else "was"
        return (f"The {ordinal(n)} {e.name}, honouring the works of {y + e.film_year_offset}, "
                f"{verb} held in {_month(e)} {y}.")

    def following(e, n, y):
        prior = n - 1
        return (f"It opened the {ordinal(prior)} {e.name} in {_month(e)} {e.edition_year(prior)}. "
                f"Its sequel closed the following year's edition, the {ordinal(n)} {e.name}.")

    return [
        ("held-in", lambda e: True, held),
        ("clause-opening-year", lambda e: True, opening),
        ("appositive-year", lambda e: True, appositive),
        ("parenthesised-year", lambda e: True, parenthesis),
        ("possessive-its", lambda e: not _plural(e.name), possessive),
        ("word-ordinal", lambda e: True, words),
        ("full-date-before", lambda e: True, full_date),
        ("annual", lambda e: e.kind == "award" and "award" in e.name.lower(), annual),
        ("roman-numeral", lambda e: bool(e.numeral_forms), numeral),
        ("honoured-and-held", lambda e: e.film_year_offset != 0, honoured),
        ("following-year", lambda e: e._every(2000) == 1, following),
    ]


PHRASINGS = _phrasings()
#: Phrasings whose year has no cue saying whether it is the ceremony's or the honoured one.
BARE_YEAR = {"clause-opening-year", "parenthesised-year", "word-ordinal", "possessive-its"}


def editions_of(e: Event, per_event: int) -> list[tuple[int, int]]:
    """(edition, year) pairs spread over the event's runs, past editions only, not cancelled."""
    today = dt.date.today().year
    pairs = [
        (e.first_edition + i, y) for i, y in enumerate(e._years)
        if y <= today and y not in e.cancelled and y not in e.repeated
    ]
    if not pairs:
        return []
    if len(pairs) <= per_event:
        return pairs
    if per_event <= 1:
        return [pairs[len(pairs) // 2]]
    step = (len(pairs) - 1) / (per_event - 1)
    return [pairs[round(i * step)] for i in range(per_event)]


def flagged(text: str) -> bool:
    article = "Harbour Lights is a short documentary work. " + text + "\n"
    doc = check_source(Source(name="gen.txt", text=article), Config(root=ROOT), "gen.txt")
    return any(f.code in EDITION_RULES for f in doc.findings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-event", type=int, default=3)
    ap.add_argument("--verbose", action="store_true", help="print every miss and false alarm")
    args = ap.parse_args(argv)
    cal = default_calendar()
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # wrong, wrong hit, right, right hit
    events = [e for e in cal if e.numbered]
    for e in events:
        for n, y in editions_of(e, args.per_event):
            for name, applies, template in PHRASINGS:
                if not applies(e):
                    continue
                if name == "word-ordinal" and word_ordinal(n) is None:
                    continue
                if name == "following-year" and (
                    n - 1 < e.first_edition or (e.edition_year(n - 1) or 0) + e._every(y) != y
                ):
                    continue  # "the following year's" needs the previous edition a year before
                row = counts[(e.kind, name)]
                right = template(e, n, y)
                row[2] += 1
                if flagged(right):
                    row[3] += 1
                    if args.verbose:
                        print(f"false alarm: {right}")
                for off in (-2, -1, 1, 2):
                    wrong_n = n + off
                    if wrong_n < max(1, e.first_edition) or (name == "following-year" and wrong_n - 1 < 1):
                        continue
                    if e.matches(wrong_n, y):
                        continue  # a year with two editions: not wrong
                    if name in BARE_YEAR and e.film_year_offset and e.matches(wrong_n, y - e.film_year_offset):
                        continue  # a bare year may be the honoured one: that edition is right for it
                    if name == "word-ordinal" and word_ordinal(wrong_n) is None:
                        continue
                    if name == "following-year":
                        # the sequel's edition is off; the first mention stays right
                        wrong = template(e, n, y).rsplit(", the ", 1)[0] + f", the {ordinal(wrong_n)} {e.name}."
                    else:
                        wrong = template(e, wrong_n, y)
                    row[0] += 1
                    if flagged(wrong):
                        row[1] += 1
                    elif args.verbose:
                        print(f"missed: {wrong}")
    print(f"{len(events)} numbered events, {args.per_event} editions each, {len(PHRASINGS)} phrasings\n")
    print("| family | phrasing | wrong flagged | right flagged |")
    print("|---|---|---|---|")
    total = [0, 0, 0, 0]
    by_family: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (kind, name), row in sorted(counts.items()):
        print(f"| {kind} | {name} | {row[1]}/{row[0]} | {row[3]}/{row[2]} |")
        for i in range(4):
            total[i] += row[i]
            by_family[kind][i] += row[i]
    print()
    print("| family | wrong flagged | right flagged |")
    print("|---|---|---|")
    for kind, row in sorted(by_family.items()):
        print(f"| {kind} | {row[1]}/{row[0]} ({row[1] / max(row[0], 1):.1%}) | {row[3]}/{row[2]} |")
    print(f"| **all** | {total[1]}/{total[0]} ({total[1] / max(total[0], 1):.1%}) | {total[3]}/{total[2]} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
