"""The country gazetteer: formal names recognised from their parts, as if they were listed.

A formal name is a formal prefix and the one-word short name («دولة قطر»), or a prefix and the
feminine adjective with ال («المملكة المغربية»), perhaps before a trailer («المملكة الأردنية
الهاشمية»). The module no longer lists the ~12,000 such names at import (a third of `reader
entities`' start-up on a one-line file): it keeps the parts. These tests list the names the
long way, from the module's own word lists, and hold the lookups to that list.
"""

from __future__ import annotations

from pathlib import Path

from reader.nlp.entities import gazetteer
from reader.nlp.entities.gazetteer import (
    COUNTRIES,
    Country,
    country_by_key,
    formal_country_prefixes,
    longest_country_at,
    may_start_country,
    name_key,
)
from reader.nlp.normalise import normalise

TRAILERS = gazetteer._FORMAL_TRAILERS


def _listed() -> dict[str, Country]:
    """Every name of every country in key form, listed: the first country that has a name
    owns it."""
    prefixes = [name_key(p.split()) for p in formal_country_prefixes()]
    trailers = [name_key(t.split()) for t in TRAILERS]
    table: dict[str, Country] = {}
    for country in COUNTRIES:
        names = set(country.names)
        for prefix in prefixes:
            names.update(f"{prefix} {head}" for head in country.formal_heads)
            for adjective in country.adjectives:
                names.add(f"{prefix} {adjective}")
                names.update(f"{prefix} {adjective} {trailer}" for trailer in trailers)
        for name in names:
            table.setdefault(name, country)
    return table


def test_every_listed_name_denotes_its_first_country() -> None:
    listed = _listed()
    assert len(listed) > 10_000  # the formal names really are many
    wrong = {key: (country_by_key(key), c.code) for key, c in listed.items()}
    wrong = {k: v for k, v in wrong.items() if v[0] is None or v[0].code != v[1]}
    assert wrong == {}


def test_the_longest_name_at_a_word_is_found_whole() -> None:
    for key, country in _listed().items():
        words = key.split(" ")
        assert may_start_country(words[0])
        assert longest_country_at([*words, "في"], 0) == (len(words), country)


def test_formal_parts_in_other_places_name_no_country(texts: Path) -> None:
    """A prefix before a word of a real text that is no country part, an adjective before a
    word that is no trailer, and every two- and three-word run of the news texts: a country
    only where the listed names have one."""
    listed = _listed()
    words = [
        normalise(w)
        for n in range(1, 9)
        for w in (texts / f"news-0{n}.ar.txt").read_text(encoding="utf-8").split()
    ]
    runs = {" ".join(words[i : i + n]) for n in (1, 2, 3, 4) for i in range(len(words) - n)}
    prefix = name_key(["المملكة"])
    runs |= {f"{prefix} {w}" for w in words} | {f"{prefix} المغربيه {w}" for w in words}
    found = {run: country_by_key(run) for run in runs}
    assert {r: c for r, c in found.items() if c is not listed.get(r)} == {}
    assert any(c is not None and " " in r for r, c in found.items())  # the texts name some


def test_the_module_keeps_the_parts_not_the_list() -> None:
    """What start-up pays for: tables of names and parts, a fraction of the listed names."""
    kept = sum(
        len(table) for table in (gazetteer._BY_NAME, gazetteer._BY_HEAD, gazetteer._BY_ADJECTIVE)
    )
    assert kept * 4 < len(_listed())
