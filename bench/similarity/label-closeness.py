#!/usr/bin/env python3
# The reading aid behind the source labels of test/fixtures/families (README there, "Written criterion"): for each
# labelled member, the earlier members' word-sequence similarity to it (Python's difflib ratio over lower-cased
# words of the article text in the ToTA XML; not a measure of the tool), the parties in common, and the source the
# written criterion gives. Reads only $CORPUS_DIR/tota/xml, never the tool or its database.
#   python3 bench/similarity/label-closeness.py test/fixtures/families/families.json [family ...]
#   python3 bench/similarity/label-closeness.py test/fixtures/families/fresh.json --strict
# --strict: members signed the same day are not sources for one another (the rule of fresh.json).
import difflib
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache

XML = os.path.join(os.environ.get('CORPUS_DIR', os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'corpus')), 'tota', 'xml')
MARGIN = 0.05  # within this of the closest, the candidate with the most parties in common is preferred
TIE = 0.01  # within this, texts are equally close: the later one


@lru_cache(None)
def treaty(tota):
    return ET.parse(os.path.join(XML, f'pta_{tota}.xml')).getroot()


def meta(tota):
    m = treaty(tota).find('meta')
    return m.findtext('name'), m.findtext('date_signed'), [p.text for p in m.find('parties_original') if p.text]


def words(tota, article):
    for el in treaty(tota).iter('article'):
        if el.get('article_identifier') == str(article):
            text = re.sub(r'-\s*\n\s*', '', ''.join(el.itertext()).lower())
            return re.findall(r'[a-z0-9]+', text)
    raise KeyError((tota, article))


def review(members, strict=False):
    """The source the written criterion gives each member, with the candidates' scores."""
    out = []
    for i, m in enumerate(members):
        _, date, parties = meta(m['tota'])
        mine = words(m['tota'], m['article'])
        cands = []
        for e in members[:i]:
            _, edate, eparties = meta(e['tota'])
            if e['tota'] == m['tota'] or edate > date or (strict and edate == date):
                continue
            score = difflib.SequenceMatcher(None, mine, words(e['tota'], e['article']), autojunk=False).ratio()
            cands.append((score, len(set(parties) & set(eparties)), edate, e['pinpoint'], int(e['tota'])))
        if not cands:
            out.append((None, cands))
            continue
        best = max(c[0] for c in cands)
        close = [c for c in cands if c[0] >= best - MARGIN]
        most = max(c[1] for c in close)
        pool = [c for c in close if c[1] == most]
        top = max(c[0] for c in pool)
        pick = max((c for c in pool if c[0] >= top - TIE), key=lambda c: (c[2], c[0], c[4]))
        out.append((pick[3], cands))
    return out


if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    strict = '--strict' in sys.argv
    for family in json.load(open(args[0]))['families']:
        if len(args) > 1 and family['name'] not in args[1:]:
            continue
        print('==', family['name'], family.get('split'))
        for m, (pick, cands) in zip(family['members'], review(family['members'], strict)):
            if pick is None:
                continue
            flag = '' if pick == m.get('source') else f"   <-- labelled {m.get('source')}"
            print(f"{m['pinpoint']} ({m['dateSigned']}): {pick}{flag}")
            for c in sorted(cands, reverse=True)[:4]:
                print(f'     {c[0]:.3f} parties in common {c[1]}  {c[2]}  {c[3]}')
