import { RecordCoverage, RecordPart } from '../../agreements/agreement.enums';
import { recordCompleteness } from '../../agreements/record-completeness';
import { formatMessage, LANGUAGES } from '../../common/i18n';
import { DEVELOPING_BASIS } from '../../parties/developing';
import { COHERENCE_RULES } from '../coherence/coherence-rules';
import { ruleTextsIn } from '../coherence/coherence-rule';
import {
  dateParam,
  kindIn,
  namesParam,
  recordText,
  REPORT_TEXTS,
  ReportTextKey,
  say,
  text,
} from './report-texts';

const KEYS = Object.keys(REPORT_TEXTS.en) as ReportTextKey[];

/** The names of a template's parameters, plural ones included, sorted. */
const parameters = (template: string): string[] => {
  // A plural form's own words ("one {it}") are not parameters.
  const withoutForms = template.replace(/(?:zero|one|two|few|many|other|=\d+)\s*\{[^{}]*\}/g, '');
  return [
    ...new Set(
      [...withoutForms.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1].replace(/_(?:the|The|of|to|n)$/, '')),
    ),
  ].sort();
};

/** The selectors of each plural block ("count: one other"). */
const pluralSelectors = (template: string): string[] =>
  [...template.matchAll(/\{(\w+), plural,((?:[^{}]|\{[^{}]*\})*)\}/g)].map(
    (m) => `${m[1]}: ${[...m[2].matchAll(/(=?\w+)\s*\{/g)].map((s) => s[1]).join(' ')}`,
  );

describe('the reports’ texts in English, French and Spanish', () => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s: every key has a text with the same parameters, every plural an "other" form',
    (lang) => {
      const problems: string[] = [];
      for (const key of KEYS) {
        const en = REPORT_TEXTS.en[key];
        const other = REPORT_TEXTS[lang][key];
        if (!other?.trim()) problems.push(`${key}: missing`);
        else if (parameters(other).join() !== parameters(en).join())
          problems.push(`${key}: parameters ${parameters(other).join()} ≠ ${parameters(en).join()}`);
        for (const selectors of pluralSelectors(other))
          if (!/\bother\b/.test(selectors)) problems.push(`${key}: no "other" form in ${selectors}`);
        // Balanced braces: formatting never throws.
        expect(() => formatMessage(lang, other, {})).not.toThrow();
      }
      expect(problems).toEqual([]);
      expect(Object.keys(REPORT_TEXTS[lang]).sort()).toEqual([...KEYS].sort());
    },
  );

  it('puts counted words in the form their number asks', () => {
    const note = (lang: 'en' | 'fr' | 'es', count: number) =>
      say(lang, text('coh.note.inferred', { count, names: namesParam(['A']) }));
    expect(note('en', 1)).toMatch(/^1 agreement is recorded/);
    expect(note('en', 2)).toMatch(/^2 agreements are recorded/);
    expect(note('fr', 1)).toMatch(/^1 accord est enregistré /);
    expect(note('fr', 2)).toMatch(/^2 accords sont enregistrés /);
    expect(note('es', 1)).toMatch(/^1 acuerdo está registrado /);
    expect(note('es', 3)).toMatch(/^3 acuerdos están registrados /);
  });

  it('elides "que" before a French count of one: "qu’une disposition", never "que 1 disposition"', () => {
    const excerpts = (lang: 'en' | 'fr' | 'es', provisions: number) =>
      say(lang, recordText(recordCompleteness(RecordCoverage.EXCERPTS, null, provisions)));
    expect(excerpts('fr', 1)).toMatch(/^La fiche ne contient qu’une disposition choisie\. /);
    expect(excerpts('fr', 3)).toMatch(/^La fiche ne contient que 3 dispositions choisies\. /);
    expect(excerpts('es', 1)).toMatch(/^La ficha solo contiene 1 disposición seleccionada\. /);
    expect(excerpts('en', 1)).toMatch(/^The record holds only 1 selected provision\. /);
    // No French form for one writes "que #" ("que 1"): it is "qu’un" or "qu’une".
    const unelided = Object.entries(REPORT_TEXTS.fr).filter(([, template]) => /\bone \{que #/.test(template));
    expect(unelided.map(([key]) => key)).toEqual([]);
  });

  it('names the reports’ kinds and sections in the language, in words a file name keeps (ASCII)', () => {
    expect(kindIn('fr', 'trends-agreement-type')).toBe('tendances-type-accord');
    expect(kindIn('es', 'trends-year')).toBe('tendencias-anio');
    expect(kindIn('fr', 'coherence-chl')).toBe('coherence-chl');
    expect(kindIn('es', 'groups')).toBe('grupos');
    expect(kindIn('fr', 'flows')).toBe('flux');
    expect(kindIn('en', 'trends-agreement-type')).toBe('trends-agreement-type');
    for (const lang of LANGUAGES)
      for (const [key, word] of Object.entries(REPORT_TEXTS[lang]))
        if (key.startsWith('filename.'))
          expect([key, word]).toEqual([key, expect.stringMatching(/^([a-z0-9-]|\{\w+\})+$/)]);
  });

  it('agrees the counted words of the trends’ and flows’ notes with their number (0, 1, 2)', () => {
    const partial = (lang: 'en' | 'fr' | 'es', count: number, total: number) =>
      say(lang, text('trends.note.partial', { count, total, names: namesParam(['A']) }));
    expect(partial('en', 1, 1)).toMatch(/^1 of the 1 agreement holds only/);
    expect(partial('en', 2, 5)).toMatch(/^2 of the 5 agreements hold only/);
    expect(partial('fr', 1, 5)).toMatch(/^1 des 5 accords ne détient que/);
    expect(partial('fr', 2, 5)).toMatch(/^2 des 5 accords ne détiennent que/);
    expect(partial('es', 1, 5)).toMatch(/^1 de los 5 acuerdos solo tiene disposiciones/);
    expect(partial('es', 2, 5)).toMatch(/^2 de los 5 acuerdos solo tienen disposiciones/);
    const unknown = (count: number) => say('en', text('flows.note.unknown', { count }));
    expect(unknown(1)).toBe(
      '1 party entry whose developing status is unknown is neither a grantor nor a beneficiary.',
    );
    expect(unknown(2)).toMatch(/^2 party entries whose developing status is unknown are neither grantors/);
    const subtitle = (pending: number) =>
      say('es', text('flows.subtitlePending', { flows: 2, pending, pairs: 1, provisions: 1 }));
    expect(subtitle(1)).toContain('(1 pendiente de revisión)');
    expect(subtitle(2)).toContain('(2 pendientes de revisión)');
    const through = (lang: 'en' | 'fr' | 'es') =>
      say(lang, text('trends.note.throughBlocsPart', { group: 'G', count: 1, total: 1, names: 'N' }));
    expect(through('en')).toBe('G counts 1 of its 1 agreement only through member states of a bloc (N)');
    expect(through('fr')).toMatch(/^G compte 1 de ses 1 accord seulement/);
    expect(through('es')).toMatch(/^G cuenta 1 de sus 1 acuerdo solo/);
  });

  it('agrees the note on agreements left out with their number', () => {
    const party = { party: { code: 'PER', name: 'Peru' } };
    const leftOut = (lang: 'fr' | 'es', count: number) =>
      say(lang, text('coh.note.leftOut', { count, party, names: namesParam(['TPP']) }));
    // Spanish counts "otros 2 acuerdos", never "2 otros acuerdos".
    expect(leftOut('es', 1)).toBe('Otro acuerdo del Perú queda fuera, no obliga al Perú en esa fecha: TPP.');
    expect(leftOut('es', 2)).toBe(
      'Otros 2 acuerdos del Perú quedan fuera, no obligan al Perú en esa fecha: TPP.',
    );
    expect(leftOut('fr', 1)).toContain('de côté, ne liant pas le Pérou à cette date : TPP.');
    expect(leftOut('fr', 2)).toContain('sont laissés de côté, ne liant pas le Pérou');
  });

  it("says in each language that a party's date is the agreement's first, not its own", () => {
    const party = { party: { code: 'CRI', name: 'Costa Rica' } };
    const note = (lang: 'en' | 'fr' | 'es', count: number) =>
      say(lang, text('coh.note.firstDates', { count, party, names: namesParam(['CAFTA-DR']) }));
    expect(note('en', 1)).toBe(
      "For 1 agreement of three or more parties, no date of its own is recorded for Costa Rica: the date given is the agreement's first (its first entry into force or provisional application, perhaps for other parties only); it bound Costa Rica from then or later, and is counted from then, though it may have bound Costa Rica only later: CAFTA-DR.",
    );
    expect(note('fr', 2)).toMatch(
      /^Pour 2 accords entre trois parties ou plus, la date propre du Costa Rica n’est pas enregistrée/,
    );
    expect(note('fr', 2)).toContain(
      'ces accords lient le Costa Rica depuis lors ou plus tard ; ils sont comptés depuis cette date, bien qu’ils ne s’appliquent peut-être à son égard que depuis une date plus tardive : CAFTA-DR.',
    );
    expect(note('es', 1)).toMatch(
      /^En 1 acuerdo entre tres o más partes, la fecha propia de Costa Rica no está registrada/,
    );
    expect(note('es', 1)).toContain(
      'el acuerdo obliga a Costa Rica desde entonces o más tarde; se cuenta desde esa fecha, aunque quizá solo se aplica a su respecto desde una fecha posterior: CAFTA-DR.',
    );
  });

  it('writes dates and lists the language’s way, the English ones as the API always had them', () => {
    const gate = (lang: 'en' | 'fr' | 'es') =>
      say(
        lang,
        text('coh.gate.beforeAdoption', {
          signed: dateParam('1994-01-01'),
          adopted: dateParam('2005-10-20'),
        }),
      );
    expect(gate('en')).toContain('Signed 1994-01-01, before the Convention was adopted (2005-10-20)');
    expect(gate('fr')).toContain('Signé le 1er janv. 1994, avant l’adoption de la Convention (20 oct. 2005)');
    expect(gate('es')).toContain(
      'Firmado el 1 ene 1994, antes de la aprobación de la Convención (20 oct 2005)',
    );
    const asOf = (lang: 'en' | 'fr' | 'es') =>
      say(lang, text('coh.partners.asOfPartial', { name: 'Japon', code: 'JPN', date: dateParam('2017-03') }));
    expect(asOf('en')).toBe('Japon (JPN), as of 2017-03');
    expect(asOf('fr')).toBe('Japon (JPN), en mars 2017');
    expect(asOf('es')).toBe('Japon (JPN), en marzo de 2017');
    const names = namesParam(['A', 'B', 'C'], 2);
    expect(say('fr', text('coh.partners.unknown', { names }))).toContain(': A, B et 1 autre.');
    expect(say('es', text('coh.partners.unknown', { names }))).toContain(': A, B y 1 más.');
  });

  it("says on what the flows' developing partners are classed once, with no 'selon … selon' / 'según … según'", () => {
    const who = (lang: 'fr' | 'es') => say(lang, text('flows.note.who', { basis: text('developing.basis') }));
    expect(who('fr')).not.toMatch(/selon[^.]*selon/);
    expect(who('es')).not.toMatch(/según[^.]*según/);
    expect(who('fr')).toContain('classés d’après les catégories de revenu de la Banque mondiale');
    expect(who('es')).toContain('clasificados con los grupos de ingreso del Banco Mundial');
  });

  it('puts no capital after a colon where a partial record cannot be judged, and no second colon in its sentence', () => {
    const record = recordCompleteness(RecordCoverage.EXCERPTS, null, 19);
    for (const lang of ['fr', 'es'] as const) {
      const sentence = say(lang, text('coh.unjudged', { record: recordText(record), absence: 'x' }));
      expect([lang, sentence]).not.toEqual([lang, expect.stringMatching(/[:：]\s*\p{Lu}/u)]);
    }
    expect(say('fr', text('coh.note.partial', { count: 2, names: 'A, B' }))).toContain(
      'ne peut pas y être jugée',
    );
    expect(say('es', text('coh.note.partial', { count: 2, names: 'A, B' }))).toContain(
      'el resultado de esas reglas se lee',
    );
  });

  it('says what a record holds in the words agreements/record-completeness.ts gives the API', () => {
    for (const [coverage, parts, provisions] of [
      [RecordCoverage.FULL_TEXT, [RecordPart.MAIN_TEXT, RecordPart.ANNEXES], 12],
      [RecordCoverage.FULL_TEXT, Object.values(RecordPart), 1],
      [RecordCoverage.EXCERPTS, null, 3],
      [RecordCoverage.EXCERPTS, null, 1],
      [null, null, 0],
    ] as const) {
      const record = recordCompleteness(coverage, parts ? [...parts] : null, provisions);
      expect(say('en', recordText(record))).toBe(record.summary);
    }
  });

  it('keeps the rules’ English where the rules and parties modules state it', () => {
    expect(say('en', text('developing.basis'))).toBe(DEVELOPING_BASIS);
    for (const rule of COHERENCE_RULES) {
      const en = ruleTextsIn('en', rule.id, rule.checksParams);
      expect({
        title: rule.title,
        checks: rule.checks,
        why: rule.why,
        whatToCheck: rule.whatToCheck,
      }).toEqual(en);
      const fr = ruleTextsIn('fr', rule.id, rule.checksParams);
      expect(Object.values(fr).every((t, i) => t !== Object.values(en)[i])).toBe(true);
    }
  });

  it('abbreviates "number" as French and Spanish write it: "n°", "n.º" (French had "no", the English word)', () => {
    expect(REPORT_TEXTS.fr['coh.col.finding']).toBe('Constat n°');
    expect(REPORT_TEXTS.es['coh.col.finding']).toBe('Constatación n.º');
  });

  it('puts the personal "a" before the parties an agreement binds in Spanish ("a las que un acuerdo obliga")', () => {
    const keys = ['trends.note.parties', 'cmp.note.parties', 'flows.note.partners'] as const;
    for (const key of keys) expect(REPORT_TEXTS.es[key]).toMatch(/\ba las que (un|el) acuerdo obliga\b/);
    expect(
      Object.values(REPORT_TEXTS.es).filter((t) =>
        /(?<!\ba )\blas que (un|el) acuerdo obliga\b|\bpartes que (un|el) acuerdo obliga\b/.test(t),
      ),
    ).toEqual([]);
  });

  it('names the Convention and its Operational Guidelines by their official French and Spanish titles', () => {
    expect(REPORT_TEXTS.fr['coh.title']).toContain(
      'Convention sur la protection et la promotion de la diversité des expressions culturelles',
    );
    expect(REPORT_TEXTS.es['coh.title']).toContain(
      'Convención sobre la Protección y la Promoción de la Diversidad de las Expresiones Culturales',
    );
    expect(REPORT_TEXTS.fr['coh.scores.description']).toContain(
      'Directives opérationnelles sur la mise en œuvre de la Convention dans l’environnement numérique',
    );
    expect(REPORT_TEXTS.es['coh.scores.description']).toContain(
      'orientaciones prácticas destinadas a promover la diversidad de las expresiones culturales en el entorno digital',
    );
  });
});
