import {
  BindingForce,
  EcommerceSubtype,
  GUIDELINES_DETAIL,
  PreferentialMechanism,
} from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { annotateAgreement } from './annotate-agreement';
import { AnnotatorAgreement, AnnotatorProvision, ProposedAnnotation } from './annotator.types';

// Every text here is invented for the test; the wording imitates treaty style without copying any treaty.

const C = TaxonomyCodeId;
const DEVELOPED = [
  { code: 'AAA', developing: false },
  { code: 'BBB', developing: false },
];
const MIXED = [
  { code: 'AAA', developing: false },
  { code: 'CCC', developing: true },
];

function article(ref: string, text: string, extra: Partial<AnnotatorProvision> = {}): AnnotatorProvision {
  return { ref, location: ProvisionLocation.OPERATIVE, text, ...extra };
}

function annotate(
  provisions: AnnotatorProvision[],
  options: { language?: string; parties?: AnnotatorAgreement['parties'] } = {},
): ProposedAnnotation[] {
  const input = { language: options.language ?? 'en', parties: options.parties ?? DEVELOPED, provisions };
  const annotations = annotateAgreement(input);
  // The screen (the rule sets' triggers) must not hide what a rule finds: a new rule whose words no registered
  // set triggers on fails here, on its own example.
  expect(annotations).toEqual(annotateAgreement(input, { screen: false }));
  return annotations;
}

const codesOf = (annotations: ProposedAnnotation[], ref: string) =>
  annotations
    .filter((annotation) => annotation.ref === ref)
    .map((annotation) => annotation.code)
    .sort();

describe('annotateAgreement', () => {
  it('finds nothing in a provision without cultural or digital content', () => {
    expect(
      annotate([article('1', 'Each Party shall publish its tariff schedule on an official website.')]),
    ).toEqual([]);
  });

  describe('Convention references', () => {
    it('codes the full title as explicit, not as an implicit diversity reference', () => {
      const [annotation, ...rest] = annotate([
        article(
          'x',
          'The Parties shall give effect to the Convention on the Protection and Promotion of the Diversity of Cultural Expressions in their dialogue.',
        ),
      ]);
      expect(rest).toEqual([]);
      expect(annotation).toMatchObject({
        code: C.CONVENTION_REF_EXPLICIT,
        bindingForce: BindingForce.BINDING,
        ruleId: 'CONVENTION_REF_EXPLICIT/en/full-title',
      });
    });

    it('reads the Operational Guidelines as an explicit reference with detail GUIDELINES', () => {
      const [annotation] = annotate([
        article(
          'g',
          'The Parties take note of the Operational Guidelines of the Convention on the digital environment.',
        ),
      ]);
      expect(annotation).toMatchObject({ code: C.CONVENTION_REF_EXPLICIT, detail: [GUIDELINES_DETAIL] });
    });

    it('does not take "UNESCO" alone, or "cultural" without diversity, as a reference', () => {
      const annotations = annotate([
        article('u', 'The Parties shall cooperate within UNESCO on science education.'),
        article('l', 'Recalling the close cultural links between their peoples;', {
          location: ProvisionLocation.PREAMBLE,
        }),
      ]);
      expect(annotations.filter((a) => a.code.startsWith('CONVENTION'))).toEqual([]);
    });

    it('codes cultural diversity in a recital as an implicit, declaratory reference, in Spanish and French too', () => {
      const preamble = { location: ProvisionLocation.PREAMBLE };
      const [english] = annotate([
        article('p', 'RECOGNISING the value of cultural diversity for their societies;', preamble),
      ]);
      const [spanish] = annotate(
        [article('p', 'RECONOCIENDO la importancia de la diversidad cultural;', preamble)],
        {
          language: 'es',
        },
      );
      const [french] = annotate(
        [article('p', 'RECONNAISSANT la valeur de la diversité culturelle ;', preamble)],
        {
          language: 'fr',
        },
      );
      for (const annotation of [english, spanish, french]) {
        expect(annotation).toMatchObject({
          code: C.CONVENTION_REF_IMPLICIT,
          bindingForce: BindingForce.DECLARATORY,
          location: ProvisionLocation.PREAMBLE,
        });
      }
    });
  });

  describe('cultural exemption and e-commerce carve-out by reference', () => {
    const exemption = article(
      '22',
      'This Agreement does not apply to a measure adopted or maintained by a Party with respect to cultural industries, except as provided in the tariff chapter.',
      { chapterTitle: 'Exceptions', articleTitle: 'Cultural Industries' },
    );
    const ecommerce = article(
      '16',
      'Each Party shall not impose customs duties on electronic transmissions.',
      {
        chapterTitle: 'Electronic Commerce',
        articleTitle: 'Customs Duties',
      },
    );

    it('codes a whole-agreement exemption, binding, with the rule that fired', () => {
      const [annotation] = annotate([exemption]);
      expect(annotation).toMatchObject({
        code: C.CULTURAL_EXEMPTION,
        bindingForce: BindingForce.BINDING,
        ruleId: 'CULTURAL_EXEMPTION/en/agreement-does-not-apply-to-cultural-industries',
      });
    });

    it('adds a carve-out on the exemption article only when the agreement has e-commerce provisions', () => {
      expect(codesOf(annotate([exemption]), '22')).toEqual([C.CULTURAL_EXEMPTION]);
      const annotations = annotate([ecommerce, exemption]);
      expect(codesOf(annotations, '22')).toEqual([C.CULTURAL_EXEMPTION, C.ECOMMERCE_CULTURAL_CARVE_OUT]);
      expect(codesOf(annotations, '16')).toEqual([C.ECOMMERCE_PROVISION]);
    });

    it('does not code the definition of a cultural industry, nor a cross-reference to the exemption', () => {
      const annotations = annotate([
        article(
          'd',
          'For the purposes of this Chapter, cultural industry means a person engaged in publishing books.',
          {
            chapterTitle: 'Exceptions',
            articleTitle: 'Definitions',
          },
        ),
        article(
          's',
          'A Party may not invoke this Chapter for a measure under Article 22.7 (Exceptions - Cultural Industries).',
          {
            chapterTitle: 'Dispute Settlement',
          },
        ),
      ]);
      expect(annotations).toEqual([]);
    });

    it('codes the "Nothing in this Chapter applies" forms too (present tense, and Spanish and French "nothing")', () => {
      const cases: [language: string, text: string, rule: string][] = [
        [
          'en',
          'Nothing in this Chapter applies to a measure a Party adopts with respect to its cultural industries.',
          'chapter',
        ],
        [
          'en',
          'Nothing in this Agreement applies to measures maintained by a Party in respect of culture.',
          'agreement',
        ],
        [
          'es',
          'Nada de lo dispuesto en este Capítulo se aplicará a las medidas de una Parte relativas a sus industrias culturales.',
          'chapter',
        ],
        ['es', 'Nada en el presente Acuerdo se aplica a las medidas relativas a la cultura.', 'agreement'],
        [
          'fr',
          "Aucune disposition du présent chapitre ne s'applique aux mesures d'une Partie visant les industries culturelles.",
          'chapter',
        ],
      ];
      for (const [language, text, rule] of cases) {
        const [annotation] = annotate([article('x', text, { chapterTitle: 'Exceptions' })], { language });
        expect(annotation).toMatchObject({
          code: C.CULTURAL_EXEMPTION,
          ruleId: `CULTURAL_EXEMPTION/${language}/${rule}-does-not-apply-to-cultural-industries`,
        });
      }
    });

    it('finds a French exemption of the whole agreement however its apostrophes are typed', () => {
      // Before: "ne s’applique" (U+2019, what a word processor types) was no exemption, and "Aucune disposition du
      // présent accord ne s'applique aux mesures" none with either apostrophe.
      for (const apostrophe of ["'", '\u2019', '\u02bc', '\u2018', '\u2032']) {
        for (const text of [
          `Le présent accord ne s${apostrophe}applique pas aux industries culturelles.`,
          `Aucune disposition du présent accord ne s${apostrophe}applique aux mesures adoptées par une Partie et visant les industries culturelles.`,
        ]) {
          const [annotation, ...rest] = annotate([article('x', text)], { language: 'fr' });
          expect({ text, rest }).toEqual({ text, rest: [] });
          expect(annotation).toMatchObject({
            code: C.CULTURAL_EXEMPTION,
            ruleId: 'CULTURAL_EXEMPTION/fr/agreement-does-not-apply-to-cultural-industries',
            evidence: expect.objectContaining({ quote: expect.stringContaining(`s${apostrophe}applique`) }),
          });
        }
      }
    });

    it('reads every French and Spanish rule the same whichever apostrophe the text has, in its titles too', () => {
      // Sentences written for this test, each for a rule written with "'" (or a title a rule reads).
      const cases: [string, string, Partial<AnnotatorProvision>][] = [
        ['fr', "Le présent chapitre ne s'applique pas aux mesures relatives aux industries culturelles.", {}],
        ['fr', "L'annexe 5-B s'applique aux mesures visant les industries culturelles.", {}],
        [
          'fr',
          "Cet accord ne s'applique pas aux mesures de protection des trésors nationaux de valeur artistique.",
          {},
        ],
        [
          'fr',
          "Les Parties reconnaissent le droit de chaque Partie d'adopter des mesures pour protéger la diversité culturelle.",
          {},
        ],
        ['fr', "Les Parties s'engagent à coopérer dans le domaine culturel.", {}],
        ['fr', "Les Parties agissent conformément à la Convention de l'UNESCO de 2005.", {}],
        [
          'fr',
          "Aucune Partie n'impose de droits de douane sur les transmissions électroniques.",
          { chapterTitle: 'Commerce électronique', articleTitle: "Champ d'application" },
        ],
        [
          'es',
          "Nada de lo dispuesto en este Capítulo se aplicará a las medidas relativas a la 'industria cultural'.",
          {},
        ],
      ];
      for (const [language, text, extra] of cases) {
        const plain = annotate([article('x', text, extra)], { language });
        expect({ text, found: plain.length > 0 }).toEqual({ text, found: true });
        for (const apostrophe of ['\u2019', '\u02bc', '\u2018']) {
          const typed = (value: string) => value.replaceAll("'", apostrophe);
          const fancy = annotate(
            [
              article('x', typed(text), {
                ...(extra.chapterTitle ? { chapterTitle: typed(extra.chapterTitle) } : {}),
                ...(extra.articleTitle ? { articleTitle: typed(extra.articleTitle) } : {}),
              }),
            ],
            { language },
          );
          const same = (list: ProposedAnnotation[]) =>
            list.map((a) => [a.code, a.ruleId, a.evidence?.start, a.evidence?.end]);
          expect({ text: typed(text), found: same(fancy) }).toEqual({
            text: typed(text),
            found: same(plain),
          });
        }
      }
    });

    it('an e-commerce chapter whose "Nothing in this Chapter applies" takes out cultural industries carves them out', () => {
      const annotations = annotate([
        article(
          'e',
          'Nothing in this Chapter applies to a measure a Party adopts with respect to its cultural industries.',
          { chapterTitle: 'Electronic Commerce', articleTitle: 'Scope' },
        ),
      ]);
      expect(codesOf(annotations, 'e')).toEqual(
        expect.arrayContaining([C.ECOMMERCE_CULTURAL_CARVE_OUT, C.CULTURAL_EXEMPTION]),
      );
    });

    it('does not code "Nothing in this Chapter applies" to other fields', () => {
      expect(
        annotate([
          article(
            'm',
            'Nothing in this Chapter applies to measures of a public entity in pursuit of monetary or exchange rate policies.',
          ),
        ]),
      ).toEqual([]);
    });
  });

  describe('audiovisual exclusions', () => {
    it('codes a services scope that leaves out audiovisual services', () => {
      const [annotation] = annotate([
        article(
          's1',
          'This Section applies to measures affecting the cross-border supply of all services with the exception of: (a) audiovisual services; (b) national maritime cabotage.',
          { chapterTitle: 'Trade in Services', articleTitle: 'Scope' },
        ),
      ]);
      expect(annotation).toMatchObject({ code: C.AUDIOVISUAL_EXCLUSION, bindingForce: BindingForce.BINDING });
      expect(annotation.evidence?.quote).toBe('with the exception of: (a) audiovisual services');
    });

    it('codes a telecom scope without broadcasting, in Spanish too', () => {
      const [english] = annotate([
        article(
          't',
          'This Chapter does not apply to any measure relating to broadcasting or cable distribution of radio programming.',
          {
            chapterTitle: 'Telecommunications',
            articleTitle: 'Scope',
          },
        ),
      ]);
      const [spanish] = annotate(
        [
          article('t', 'Este Capítulo no se aplica a las medidas relativas a la radiodifusión.', {
            chapterTitle: 'Telecomunicaciones',
            articleTitle: 'Ámbito de Aplicación',
          }),
        ],
        { language: 'es' },
      );
      expect(english.code).toBe(C.AUDIOVISUAL_EXCLUSION);
      expect(spanish.code).toBe(C.AUDIOVISUAL_EXCLUSION);
    });

    it('leaves procurement exclusions and intellectual property out', () => {
      const annotations = annotate([
        article(
          'p',
          'This Chapter does not apply to the procurement of broadcasting services by public broadcasters.',
          {
            chapterTitle: 'Government Procurement',
          },
        ),
        article(
          'ip',
          'This Article does not apply to broadcasting organisations other than those of a Party.',
          {
            chapterTitle: 'Intellectual Property',
          },
        ),
      ]);
      expect(annotations).toEqual([]);
    });
  });

  describe('e-commerce', () => {
    it('codes every article of an e-commerce chapter, with subtypes and binding force from the verbs', () => {
      const annotations = annotate([
        article('e1', 'The Parties recognise the growth that electronic commerce brings.', {
          chapterTitle: 'Electronic Commerce',
          articleTitle: 'General',
        }),
        article(
          'e2',
          'The Parties shall endeavour to exchange information on spam and online consumer protection.',
          {
            chapterTitle: 'Electronic Commerce',
            articleTitle: 'Cooperation',
          },
        ),
        article(
          'e3',
          'No Party shall require a covered person to locate computing facilities in its territory.',
          {
            chapterTitle: 'Electronic Commerce',
            articleTitle: 'Location of Computing Facilities',
          },
        ),
      ]);
      expect(annotations.map((a) => [a.ref, a.code, a.detail[0], a.bindingForce])).toEqual([
        ['e1', C.ECOMMERCE_PROVISION, EcommerceSubtype.OTHER, BindingForce.DECLARATORY],
        ['e2', C.ECOMMERCE_PROVISION, EcommerceSubtype.COOPERATION, BindingForce.BEST_ENDEAVOUR],
        ['e3', C.ECOMMERCE_PROVISION, EcommerceSubtype.DATA_LOCALISATION, BindingForce.BINDING],
      ]);
      expect(annotations[1].detail).toEqual(
        expect.arrayContaining([EcommerceSubtype.SPAM, EcommerceSubtype.CONSUMER_PROTECTION]),
      );
    });

    it('finds the e-commerce section of a combined chapter from the heading glued to the previous article', () => {
      const chapterTitle = 'Trade in Services, Establishment and Electronic Commerce';
      const annotations = annotate([
        article('a', 'This Chapter covers cooperation on electronic commerce among other things.', {
          chapterTitle,
        }),
        article('b', 'Ports shall be open to ships of the other Party. Electronic commerce', {
          chapterTitle,
        }),
        article('c', 'The Parties agree not to impose customs duties on deliveries by electronic means.', {
          chapterTitle,
        }),
        article('d', 'The Parties shall hold a dialogue on regulatory issues. Exceptions', { chapterTitle }),
        article('e', 'Nothing in this Chapter prevents measures to protect public morals.', { chapterTitle }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['c', C.ECOMMERCE_PROVISION],
        ['d', C.ECOMMERCE_PROVISION],
      ]);
      expect(annotations[0].detail[0]).toBe(EcommerceSubtype.CUSTOMS_DUTIES);
    });

    it('codes a carve-out for broadcasting inside an e-commerce chapter', () => {
      const annotations = annotate([
        article(
          'x',
          '1. No Party shall treat digital products of another Party less favourably. 2. This Article shall not apply to broadcasting.',
          {
            chapterTitle: 'Electronic Commerce',
            articleTitle: 'Non-Discriminatory Treatment of Digital Products',
          },
        ),
      ]);
      expect(annotations.map((a) => a.code).sort()).toEqual([
        C.ECOMMERCE_CULTURAL_CARVE_OUT,
        C.ECOMMERCE_PROVISION,
      ]);
      const carveOut = annotations.find((a) => a.code === C.ECOMMERCE_CULTURAL_CARVE_OUT);
      expect(carveOut?.evidence?.quote).toBe('shall not apply to broadcasting');
    });

    it('still reads a last clause that lost its full stop (not as a glued section heading)', () => {
      const annotations = annotate([
        article(
          'y',
          'No Party shall treat digital products of another Party less favourably. This Article shall not apply to broadcasting',
          {
            chapterTitle: 'Electronic Commerce',
          },
        ),
      ]);
      expect(annotations.map((a) => a.code)).toContain(C.ECOMMERCE_CULTURAL_CARVE_OUT);
    });

    it('takes broadcasting described without its name (content scheduled by a provider) as carved out', () => {
      const annotations = annotate([
        article(
          's',
          'This Chapter does not apply to measures affecting the electronic transmission of programmes of sound and images scheduled by a content provider for reception by the public.',
          { chapterTitle: 'Electronic Commerce', articleTitle: 'Scope' },
        ),
      ]);
      expect(annotations.map((a) => a.code)).toEqual([C.ECOMMERCE_PROVISION, C.ECOMMERCE_CULTURAL_CARVE_OUT]);
    });

    it('codes a schedule row listing audiovisual services as Unbound in every column, not a partial commitment', () => {
      const table = (row: string) =>
        [
          '| Sector or sub-sector | Limitations on market access | Limitations on national treatment |',
          '|---|---|---|',
          '| Computer and related services | None | None |',
          row,
        ].join('\n');
      const annex = (ref: string, text: string) =>
        article(ref, text, { location: ProvisionLocation.ANNEX, articleTitle: 'Schedule of Commitments' });
      const annotations = annotate([
        annex('en', table('| Audiovisual services | Unbound | Unbound* |')),
        annex('bare', table('Audiovisual | Unbound')),
        annex('es', table('| 2.D. Servicios audiovisuales | Sin consolidar | Sin consolidar |')),
        annex('partial', table('| Audiovisual services | Unbound | None |')),
        annex('open', table('| Audiovisual services | None | None |')),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['en', C.AUDIOVISUAL_EXCLUSION],
        ['bare', C.AUDIOVISUAL_EXCLUSION],
        ['es', C.AUDIOVISUAL_EXCLUSION],
      ]);
      expect(annotations[0].evidence?.quote).toBe('| Audiovisual services | Unbound | Unbound* |');
    });

    it("codes the scope and definitions of a whole agreement on e-commerce by its title, not its telecom section's or annex's", () => {
      const provisions = [
        article('scope', 'This Agreement shall apply to measures adopted or maintained by a Party.', {
          sectionTitle: 'Scope and General Provisions',
          articleTitle: 'Scope',
        }),
        article('definitions', 'For the purposes of this Agreement, a person means a natural person.', {
          sectionTitle: 'Scope and General Provisions',
          articleTitle: 'Definitions',
        }),
        article('telecom', 'Each Party shall ensure that suppliers may interconnect.', {
          sectionTitle: 'Telecommunications',
          articleTitle: 'Interconnection',
        }),
        article('annex', 'Each Party shall ensure that suppliers may interconnect.', {
          location: ProvisionLocation.ANNEX,
        }),
      ];
      const titled = annotateAgreement({
        language: 'en',
        parties: DEVELOPED,
        title: 'AGREEMENT ON ELECTRONIC COMMERCE',
        provisions,
      });
      expect(titled.map((a) => [a.ref, a.code])).toEqual([
        ['scope', C.ECOMMERCE_PROVISION],
        ['definitions', C.ECOMMERCE_PROVISION],
      ]);
      expect(annotate(provisions)).toEqual([]);
      expect(
        annotateAgreement({
          language: 'en',
          parties: DEVELOPED,
          title: 'Trade in Services Agreement',
          provisions,
        }),
      ).toEqual([]);
    });

    it.each([
      [
        'en',
        'Electronic Commerce',
        'Nothing in this Chapter shall be construed to prevent a Party from adopting or maintaining measures relating to cultural industries, including audiovisual services.',
      ],
      [
        'es',
        'Comercio Electrónico',
        'Nada en el presente Capítulo se interpretará en el sentido de impedir que una Parte adopte o mantenga medidas relativas a las industrias culturales, incluidos los servicios audiovisuales.',
      ],
      [
        'fr',
        'Commerce électronique',
        "Aucune disposition du présent chapitre ne peut être interprétée comme empêchant une Partie d'adopter ou de maintenir des mesures relatives aux industries culturelles, y compris les services audiovisuels.",
      ],
    ])(
      'takes a cultural exception worded as a rule of construction ("nothing ... shall be construed to prevent") in %s as a carve-out',
      (language, chapterTitle, text) => {
        const annotations = annotate([article('k', text, { chapterTitle, language })], { language });
        expect(annotations.map((a) => a.code)).toContain(C.ECOMMERCE_CULTURAL_CARVE_OUT);
      },
    );
    it('does not take a pointer to all reservations as a carve-out', () => {
      const annotations = annotate([
        article(
          'r',
          'Services supplied electronically remain subject to the non-conforming measures of each Party.',
          {
            chapterTitle: 'Electronic Commerce',
          },
        ),
      ]);
      expect(annotations.map((a) => a.code)).toEqual([C.ECOMMERCE_PROVISION]);
    });
  });

  describe('preferential treatment', () => {
    const entry = article(
      'm',
      'Each Party shall allow entry and temporary stay of contractual service suppliers of the other Party in the following sectors: (a) engineering services; (b) entertainment services.',
      { chapterTitle: 'Temporary Presence of Natural Persons' },
    );

    it('needs a developing-country party', () => {
      expect(annotate([entry])).toEqual([]);
      const [annotation] = annotate([entry], { parties: MIXED });
      expect(annotation).toMatchObject({
        code: C.PREFERENTIAL_TREATMENT_CULTURE,
        detail: [PreferentialMechanism.ARTIST_MOBILITY],
      });
    });

    it('is not found in reciprocal cooperation inside a culture chapter', () => {
      const annotations = annotate(
        [
          article('c', 'The Parties shall promote the mobility of artists between them.', {
            chapterTitle: 'Culture',
          }),
        ],
        { parties: MIXED },
      );
      expect(annotations.map((a) => a.code)).toEqual([C.CULTURAL_COOPERATION]);
    });
  });

  describe('heritage, policy space and cooperation', () => {
    it('codes a general exception naming national treasures, not one that only incorporates GATT XX', () => {
      const annotations = annotate([
        article(
          'h1',
          'Nothing in this Chapter shall be construed to prevent a Party from adopting measures imposed for the protection of national treasures of artistic, historic or archaeological value.',
          { chapterTitle: 'Exceptions' },
        ),
        article('h2', 'Article XX of the GATT 1994 is incorporated into and made part of this Agreement.', {
          chapterTitle: 'Exceptions',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([['h1', C.HERITAGE_EXCEPTION]]);
    });

    it('codes an exception protecting cultural values (the Russian-language treaties’ cultural property)', () => {
      const annotations = annotate([
        article(
          'cv1',
          'Members may restrict mutual trade in goods where necessary for: 1) public order; 2) the protection of plant species and cultural values; 3) national defence.',
          { articleTitle: 'Exceptions from the internal market rules' },
        ),
        article('cv2', 'The Parties shall respect the cultural values of the host community.', {
          articleTitle: 'Workers',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([['cv1', C.HERITAGE_EXCEPTION]]);
    });

    it('codes a right to restrict imports for cultural (among other) reasons as policy space, in en, es and fr', () => {
      const en = annotate([
        article(
          'r1',
          'The Member States recognise the right of each Member State to prohibit or restrict the import of any goods for economic, social, cultural or other reasons agreed by the Council.',
        ),
      ]);
      expect(en.map((a) => a.code)).toEqual([C.POLICY_SPACE_CULTURE]);
      const es = annotate(
        [
          article(
            'r2',
            'Los Miembros reconocen el derecho de cada Miembro a restringir la importación de mercancías por razones económicas, sociales o culturales que acuerde el Consejo.',
          ),
        ],
        { language: 'es' },
      );
      expect(es.map((a) => a.code)).toEqual([C.POLICY_SPACE_CULTURE]);
      const fr = annotate(
        [
          article(
            'r3',
            "Les Membres reconnaissent le droit de chaque Membre de restreindre l'importation de marchandises pour des raisons économiques, sociales ou culturelles que le Conseil approuve.",
          ),
        ],
        { language: 'fr' },
      );
      expect(fr.map((a) => a.code)).toEqual([C.POLICY_SPACE_CULTURE]);
      expect(
        annotate([
          article('r4', 'Each Party has the right to restrict imports of goods for sanitary reasons.'),
        ]),
      ).toEqual([]);
    });

    it('codes a permission to adopt measures for traditional cultural expressions as binding policy space', () => {
      const [annotation] = annotate([
        article(
          'ps',
          'Each Party may adopt appropriate measures to preserve traditional cultural expressions.',
        ),
      ]);
      expect(annotation).toMatchObject({ code: C.POLICY_SPACE_CULTURE, bindingForce: BindingForce.BINDING });
    });

    it('codes every article of a culture chapter and cultural cooperation elsewhere, but not a culture of competition', () => {
      const annotations = annotate([
        article('k1', 'A joint committee shall meet once a year.', {
          chapterTitle: 'Cooperation on Culture and Audiovisual Policy',
        }),
        article('k2', 'The Parties shall encourage cultural exchanges between their museums.', {
          chapterTitle: 'Cooperation',
        }),
        article('k3', 'The Parties shall cooperate to promote a culture of competition.', {
          chapterTitle: 'Competition Policy',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['k1', C.CULTURAL_COOPERATION],
        ['k2', C.CULTURAL_COOPERATION],
      ]);
    });

    it('codes cultural collaboration and a series of fields ending in a two-word one before "cooperation"', () => {
      const annotations = annotate([
        article(
          'cc1',
          'Fields of joint work could comprise mining, forestry, vocational training and cultural collaboration.',
          { chapterTitle: 'Final Provisions' },
        ),
        article(
          'cc2',
          'The Parties stress every form of joint work, above all technical, educational, cultural and primary industry cooperation.',
          { chapterTitle: 'Partnership' },
        ),
        article('cc4', 'The Parties shall cooperate on social and rural development.', {
          chapterTitle: 'Partnership',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['cc1', C.CULTURAL_COOPERATION],
        ['cc2', C.CULTURAL_COOPERATION],
      ]);
      const es = annotate(
        [article('cc3', 'Las Partes fomentarán la colaboración cultural entre sus museos.')],
        { language: 'es' },
      );
      expect(es.map((a) => a.code)).toEqual([C.CULTURAL_COOPERATION]);
    });

    it('codes a recital seeking stronger relations in fields that include the cultural one, not ties already held', () => {
      const preamble = (ref: string, text: string) =>
        article(ref, text, { location: ProvisionLocation.PREAMBLE, chapterTitle: 'Preamble' });
      const en = annotate([
        preamble(
          'p1',
          'WISHING to strengthen the relations between them in the commercial, technical, social and cultural fields;',
        ),
        preamble(
          'p2',
          'MINDFUL of the warm ties between them in the political, economic, cultural and social spheres;',
        ),
      ]);
      expect(en.map((a) => [a.ref, a.code])).toEqual([['p1', C.CULTURAL_COOPERATION]]);
      const es = annotate(
        [
          preamble(
            'p3',
            'DESEANDO fortalecer las relaciones entre ellas en los ámbitos económico, técnico y cultural;',
          ),
        ],
        { language: 'es' },
      );
      expect(es.map((a) => a.code)).toEqual([C.CULTURAL_COOPERATION]);
      const fr = annotate(
        [
          preamble(
            'p4',
            'DÉSIREUSES de renforcer les relations entre elles dans les domaines économique, technique et culturel;',
          ),
        ],
        { language: 'fr' },
      );
      expect(fr.map((a) => a.code)).toEqual([C.CULTURAL_COOPERATION]);
    });

    it('codes culture in a list of areas a cooperation or integration commitment focuses on', () => {
      const annotations = annotate([
        article(
          'l1',
          'Cooperation between the regions shall focus on: ports, statistics, cultural matters, fisheries.',
          {
            chapterTitle: 'Economic Cooperation',
          },
        ),
        article(
          'l2',
          'The Community shall ensure the harmonisation and coordination of national policies, particularly in energy, trade, culture and health.',
          { chapterTitle: 'Aims of the Community' },
        ),
        article('l3', 'Regional cooperation shall focus on: ports, statistics, fisheries.', {
          chapterTitle: 'Economic Cooperation',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['l1', C.CULTURAL_COOPERATION],
        ['l2', C.CULTURAL_COOPERATION],
      ]);
    });

    it('codes the exchange of radio and television programmes and articles on the press in a cooperation chapter', () => {
      const annotations = annotate([
        article(
          'm1',
          'Member States shall pool their resources to promote the exchange of radio and television programmes.',
          {
            chapterTitle: 'Social and Human Resources',
          },
        ),
        article(
          'm2',
          'Member States shall modernise the media and ensure freedom of access for journalists.',
          {
            chapterTitle: 'Cooperation in Social Affairs',
            articleTitle: 'The Press',
          },
        ),
        article('m3', 'Each Party shall publish its laws in the press.', {
          chapterTitle: 'Transparency',
          articleTitle: 'Publication',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['m1', C.CULTURAL_COOPERATION],
        ['m2', C.CULTURAL_COOPERATION],
      ]);
    });

    it('codes a Spanish recital on cultural integration (singular "cultural" included)', () => {
      const annotations = annotate(
        [
          article(
            'p1',
            'DECIDIDAS a profundizar la integración económica, social y cultural de sus pueblos;',
            {
              location: ProvisionLocation.PREAMBLE,
            },
          ),
          article('p2', 'Las Partes podrán adoptar medidas respecto de la industria cultural.'),
        ],
        { language: 'es' },
      );
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['p1', C.CULTURAL_COOPERATION],
        ['p2', C.POLICY_SPACE_CULTURE],
      ]);
    });

    it('codes cultural cooperation named in a series of fields, in English, Spanish and French', () => {
      const english = annotate([
        article(
          'q1',
          'The aims are to deepen trade and to foster political, cultural and scientific cooperation.',
        ),
        article('q2', 'The aims are to deepen trade and to foster political and scientific cooperation.'),
        article('q3', 'The Parties shall act together to strengthen the cultural identity of their region.', {
          chapterTitle: 'Social Cooperation',
        }),
      ]);
      expect(english.map((a) => [a.ref, a.code])).toEqual([
        ['q1', C.CULTURAL_COOPERATION],
        ['q3', C.CULTURAL_COOPERATION],
      ]);
      const spanish = annotate(
        [article('q4', 'Las Partes fomentarán la cooperación económica, técnica y cultural.')],
        {
          language: 'es',
        },
      );
      const french = annotate(
        [article('q5', 'Les Parties développent une coopération scientifique et culturelle.')],
        {
          language: 'fr',
        },
      );
      expect([...spanish, ...french].map((a) => [a.ref, a.code])).toEqual([
        ['q4', C.CULTURAL_COOPERATION],
        ['q5', C.CULTURAL_COOPERATION],
      ]);
    });

    it('codes media cooperation in an information article, ICT put to cultural use, and cultural aspects among cooperation objectives; not culture as an outcome', () => {
      const annotations = annotate([
        article(
          'w1',
          '1. The Parties shall exchange information on their institutions. 2. The Parties shall coordinate and, where appropriate, harmonise their policies regarding the regulation of cross-border broadcasts. 3. Cooperation may include training facilities for journalists.',
          { chapterTitle: 'Economic Cooperation', articleTitle: 'Information And Communication' },
        ),
        article(
          'w2',
          'Cooperation may cover: (a) broadband access; (b) online public services; (c) the digitisation of cultural heritage.',
          { chapterTitle: 'Information Society' },
        ),
        article(
          'w3',
          'Priority shall be given to the following objectives: (a) growth; (b) deeper cooperative activities, with special attention to economic, technological, educational and cultural aspects; (c) innovation.',
          { chapterTitle: 'Cooperation And Trade Promotion', articleTitle: 'Specific Objectives' },
        ),
        article(
          'w4',
          'Without prejudice to the possibility of extending cooperation to other areas, the Parties shall cooperate in areas aimed at: (a) growth; (b) exchanges, with special attention to trade, financial, educational and cultural aspects; (c) innovation.',
          { chapterTitle: 'Cooperation And Trade Promotion', articleTitle: 'General Objective' },
        ),
        article(
          'w5',
          'The Parties shall increase cooperation to restore the navigation on the river, which will lead to flood prevention, cleaner water in the basin, better irrigation, more economic activity, promoting tourism and cultural activities, and lower costs.',
          { chapterTitle: 'Regional Cooperation' },
        ),
      ]);
      expect(annotations.filter((a) => a.code === C.CULTURAL_COOPERATION).map((a) => a.ref)).toEqual([
        'w1',
        'w2',
        'w3',
        'w4',
      ]);
    });

    it('codes culture listed among the fields of an article of a cooperation chapter, not as a bracketed example or for tourism', () => {
      const annotations = annotate([
        article(
          'r1',
          'The Parties shall support projects of regional scope, notably: (a) roads; (b) cultural matters; (c) ports.',
          {
            chapterTitle: 'Economic Cooperation',
            sectionTitle: 'Regional Cooperation',
          },
        ),
        article(
          'r2',
          'Projects shall be carried out in the areas of housing, health, schooling and culture.',
          {
            chapterTitle: 'Social Cooperation',
          },
        ),
        article(
          'r3',
          'Projects shall be carried out in the areas of housing, health, schooling and culture.',
          {
            chapterTitle: 'Final Provisions',
          },
        ),
        article('r4', 'Measures shall include better village life (such as health, schooling and culture).', {
          chapterTitle: 'Rural Cooperation',
        }),
        article('r5', 'Actions shall be carried out in the areas of hotels, guides and culture.', {
          chapterTitle: 'Economic Cooperation',
          articleTitle: 'Tourism',
        }),
      ]);
      expect(annotations.map((a) => [a.ref, a.code])).toEqual([
        ['r1', C.CULTURAL_COOPERATION],
        ['r2', C.CULTURAL_COOPERATION],
      ]);
    });
    it('codes culture, a cultural sector or the media named as one item of the fields of a cooperation commitment, with no heading or list cue', () => {
      const english = annotate([
        article(
          's1',
          'The Parties agree to develop their cooperation on trade facilitation, investment promotion, small and medium-sized enterprises, science and technology, transport, culture, education and sport.',
        ),
        article(
          's2',
          'The Parties will strengthen mutual cooperation including: • Energy • Health • Audio-visual sector • Transport',
        ),
        article(
          's3',
          'The Parties shall cooperate in the following fields to be agreed between them: (a) industry. (b) fisheries. (c) the media. (d) agriculture.',
        ),
        // culture as something to take into account, the media as a means, communication media, heritage for
        // tourism, culture as the purpose of youth exchanges, culture as a dimension of development
        article(
          'n1',
          'Cooperative activities shall be consistent with national priorities, involve the public, and take into account each Party’s economy, culture, and legal system.',
        ),
        article(
          'n2',
          'Cooperation shall cover: (a) job creation; (b) promoting the role of women through education and the media; (c) health systems.',
        ),
        article(
          'n3',
          'Cooperation in information shall support, inter alia, the strengthening of national and regional communication media, training and archives.',
        ),
        article(
          'n4',
          'The Parties shall cooperate on hotels, guides, marketing and cultural heritage, to promote tourism.',
        ),
        article(
          'n5',
          'The Parties shall cooperate on housing, health, schools and the economic, social and cultural development of rural areas.',
        ),
      ]);
      expect(english.map((a) => [a.ref, a.code])).toEqual([
        ['s1', C.CULTURAL_COOPERATION],
        ['s2', C.CULTURAL_COOPERATION],
        ['s3', C.CULTURAL_COOPERATION],
      ]);
      const spanish = annotate(
        [
          article(
            's4',
            'Las Partes acuerdan impulsar la colaboración entre sus instituciones en materia de comercio exterior, promoción de inversiones, pequeñas y medianas empresas, transporte, cultura y deporte.',
          ),
          article(
            'n6',
            'Las Partes fomentarán la cooperación en transporte, energía, salud, medio ambiente, turismo y pesca; las actividades serán compatibles con las prioridades nacionales y tendrán en cuenta la economía, la cultura y el sistema jurídico de cada Parte.',
          ),
        ],
        { language: 'es' },
      );
      const french = annotate(
        [
          article(
            's5',
            "Les Parties s'engagent à renforcer leur collaboration en matière de commerce, d'investissement, de transport, de santé, de culture et de sport.",
          ),
        ],
        { language: 'fr' },
      );
      expect([...spanish, ...french].map((a) => [a.ref, a.code])).toEqual([
        ['s4', C.CULTURAL_COOPERATION],
        ['s5', C.CULTURAL_COOPERATION],
      ]);
    });
  });

  describe("cultural cooperation: wordings found missing by the seventh round's audit of the rules", () => {
    const cooperationRefs = (annotations: ProposedAnnotation[]) =>
      annotations.filter((a) => a.code === C.CULTURAL_COOPERATION).map((a) => a.ref);

    it('reads the French present "coopèrent" as a cooperation word', () => {
      const french = annotate(
        [
          article(
            'fr1',
            'Les Parties coopèrent en matière de commerce, de transport, de sport et de culture.',
          ),
        ],
        { language: 'fr' },
      );
      expect(cooperationRefs(french)).toEqual(['fr1']);
    });

    it('codes the cultural field named by its noun in Spanish and French, alone or in a series of fields', () => {
      const spanish = annotate(
        [
          article('es1', 'Las Partes desarrollarán su cooperación en el ámbito cultural.'),
          article('es2', 'Los Estados miembros cooperarán en asuntos sociales y culturales.'),
          article('es3', 'Las Partes promoverán la cooperación en los campos económico, social y cultural.'),
          article(
            'esn',
            'Las Partes cooperarán para favorecer el desarrollo económico, social y cultural de sus regiones.',
          ),
        ],
        { language: 'es' },
      );
      const french = annotate(
        [
          article('fr2', 'Les Parties développeront leur coopération dans le domaine culturel.'),
          article('fr3', 'Les États membres coopèrent dans les domaines économique, social et culturel.'),
          article(
            'frn',
            'Les Parties coopèrent au développement économique, social et culturel des régions rurales.',
          ),
        ],
        { language: 'fr' },
      );
      expect(cooperationRefs(spanish)).toEqual(['es1', 'es2', 'es3']);
      expect(cooperationRefs(french)).toEqual(['fr2', 'fr3']);
    });

    it('codes cooperation on conserving or restoring cultural heritage or monuments, not in a tourism article', () => {
      const english = annotate([
        article(
          'h1',
          'The Parties shall cooperate in the conservation and restoration of architectural heritage.',
        ),
        article(
          'h2',
          'The Parties shall cooperate in the conservation of cultural heritage, to promote tourism.',
          {
            articleTitle: 'Tourism',
          },
        ),
      ]);
      const spanish = annotate(
        [article('h3', 'Las Partes cooperarán en la conservación del patrimonio cultural.')],
        { language: 'es' },
      );
      const french = annotate(
        [article('h4', 'Les Parties coopèrent à la sauvegarde du patrimoine culturel.')],
        {
          language: 'fr',
        },
      );
      expect([...english, ...spanish, ...french].map((a) => [a.ref, a.code])).toEqual([
        ['h1', C.CULTURAL_COOPERATION],
        ['h3', C.CULTURAL_COOPERATION],
        ['h4', C.CULTURAL_COOPERATION],
      ]);
    });

    it('codes a commitment to encourage film or television co-production, without the word cooperation', () => {
      const english = annotate([
        article('k1', 'The Parties shall encourage the co-production of films and television programmes.'),
      ]);
      const spanish = annotate(
        [article('k2', 'Las Partes fomentarán la coproducción de películas y programas de televisión.')],
        { language: 'es' },
      );
      const french = annotate(
        [article('k3', 'Les Parties encouragent la coproduction de films et de programmes de télévision.')],
        { language: 'fr' },
      );
      expect([...english, ...spanish, ...french].map((a) => a.ref)).toEqual(['k1', 'k2', 'k3']);
    });

    it("codes the mass media (social communication) as a field of cooperation or of a cooperation chapter's policies", () => {
      const english = annotate([
        article(
          'm1',
          'Member Countries shall adopt policies in the area of social communication and on the understanding of their heritage.',
          { chapterTitle: 'Economic and Social Cooperation' },
        ),
        article('m2', 'The Member States shall cooperate in the field of mass media.'),
        article(
          'mn',
          'The secretariat shall consider whether the submission is drawn exclusively from mass media reports.',
          { chapterTitle: 'Environment' },
        ),
      ]);
      const spanish = annotate(
        [article('m3', 'Las Partes cooperarán en materia de medios de comunicación social.')],
        { language: 'es' },
      );
      const french = annotate(
        [article('m4', 'Les États membres coopèrent dans le domaine des moyens de communication de masse.')],
        { language: 'fr' },
      );
      expect(cooperationRefs([...english, ...spanish, ...french])).toEqual(['m1', 'm2', 'm3', 'm4']);
    });
  });

  describe('evidence', () => {
    it('maps offsets found on normalised text back to the original text', () => {
      const original =
        'Intro.\n\n1. This Section applies to all services\nwith the\u00a0exception of:\n  (a) audio-visual\u00a0services.';
      const [annotation] = annotate([article('o', original, { chapterTitle: 'Trade in Services' })]);
      const evidence = annotation.evidence;
      expect(evidence).not.toBeNull();
      expect(original.slice(evidence!.start, evidence!.end)).toBe(evidence!.quote);
      expect(evidence!.quote).toBe('with the\u00a0exception of:\n  (a) audio-visual\u00a0services');
    });

    it('gives at most one annotation per provision and code', () => {
      const annotations = annotate([
        article(
          'twice',
          'The Parties shall promote cultural cooperation. They shall also promote cultural exchanges and cultural cooperation.',
        ),
      ]);
      expect(annotations).toHaveLength(1);
      expect(annotations[0].confidence).toBeGreaterThan(0);
      expect(annotations[0].confidence).toBeLessThanOrEqual(1);
    });
  });
});
