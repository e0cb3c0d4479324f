#!/usr/bin/env python3
"""Derives the entity-layer lexicons in src/Parley.Core/Lexicons/Data from ../shared/data/lexicons.

first-name-gender.tsv  name<TAB>m|f|u   from @stdlib male/female first-name datasets (PDDL-1.0 / CC0)
demonym-country.tsv    demonym<TAB>country  from world-countries (ODbL 1.0), UN members preferred

Run from the repository root: python3 tools/derive-entity-lexicons.py
"""
import csv
import pathlib

shared = pathlib.Path("../shared/data/lexicons")
out = pathlib.Path("src/Parley.Core/Lexicons/Data")


def names(path):
    return {line.strip() for line in open(path, encoding="utf-8") if line.strip()}


male = names(shared / "person-names/male_first_names.stdlib.txt")
female = names(shared / "person-names/female_first_names.stdlib.txt")
with open(out / "first-name-gender.tsv", "w", encoding="utf-8") as f:
    f.write("# first names and gender: @stdlib datasets male/female first names (PDDL-1.0 / CC0). m, f, or u when in both\n")
    for name in sorted(male | female):
        gender = "u" if name in male and name in female else ("m" if name in male else "f")
        f.write(f"{name}\t{gender}\n")

rows = list(csv.DictReader(open(shared / "countries-demonyms/countries.tsv", encoding="utf-8"), delimiter="\t"))
# UN members first, so an ambiguous demonym ("American") maps to the sovereign state.
rows.sort(key=lambda r: (r["un_member"] != "True", r["independent"] != "True"))
mapping = {}
for r in rows:
    for d in (r["demonym_m"], r["demonym_f"]):
        if d and d not in mapping:
            mapping[d] = r["name_common"]
with open(out / "demonym-country.tsv", "w", encoding="utf-8") as f:
    f.write("# demonym to country: world-countries by mledoze (ODbL 1.0, https://opendatacommons.org/licenses/odbl/)\n")
    for d in sorted(mapping):
        f.write(f"{d}\t{mapping[d]}\n")
