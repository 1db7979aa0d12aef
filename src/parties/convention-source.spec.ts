import { readFileSync } from 'fs';
import { join } from 'path';
import { conventionSourceIn, listedSource, TYPE_NOT_STATED, UNKNOWN_SOURCE } from './convention-source';

const parties = JSON.parse(readFileSync(join(__dirname, '../../fixtures/parties.json'), 'utf8')) as {
  code: string;
  convention: { source: string | null };
}[];

describe('conventionSourceIn', () => {
  it("translates the generated sentences around the sources, keeping the file's name and every address", () => {
    const source = `${listedSource('medium', 'https://a.example/x.html, https://b.example/y')}. ${TYPE_NOT_STATED}`;
    expect(conventionSourceIn('fr', source)).toEqual({
      text: 'liste du corpus convention/parties.csv, fiabilité moyenne, vérifiée sur https://a.example/x.html, https://b.example/y. Type d’instrument non précisé par les sources',
      translated: true,
    });
    expect(conventionSourceIn('es', UNKNOWN_SOURCE).text).toMatch(/^no figura en convention\/parties\.csv/);
    expect(conventionSourceIn('en', source)).toEqual({ text: source, translated: true });
  });

  it('leaves a note written by hand, or a generated sentence with a caveat of its own, in English', () => {
    const byHand =
      'Hand-checked source (confidence medium): a ministry page (https://x.example) (read on 2026-12-01)';
    expect(conventionSourceIn('fr', byHand)).toEqual({ text: byHand, translated: false });
    const noted = `${listedSource('high', 'https://x.example')}. Entry into force computed; check against UNESCO.`;
    expect(conventionSourceIn('es', noted).translated).toBe(false);
  });

  it("words every fixture party's generated source in French and Spanish, and keeps its addresses", () => {
    const generated = parties.filter(
      (p) =>
        p.convention.source === UNKNOWN_SOURCE ||
        /^corpus convention\/parties\.csv, confidence \w+, checked against (https?:\/\/\S+?(, |$|\. Instrument type not stated by the sources$))+$/.test(
          p.convention.source ?? '',
        ),
    );
    expect(generated.length).toBeGreaterThan(parties.length / 2);
    for (const p of generated)
      for (const lang of ['fr', 'es'] as const) {
        const { text, translated } = conventionSourceIn(lang, p.convention.source!);
        expect({ code: p.code, lang, translated }).toEqual({ code: p.code, lang, translated: true });
        expect(text).not.toMatch(/checked against|confidence|not stated/);
        for (const url of p.convention.source!.match(/https?:\/\/[^\s,]+/g) ?? [])
          expect(text).toContain(url);
      }
  });
});
