import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../../agreements/agreement.entity';
import { AgreementKind, AgreementStatus } from '../../agreements/agreement.enums';
import { from, rowsOf } from '../../common/sql';
import { Binding, BindingMode, isBoundOn, partyListsByStanding } from '../binding';
import { bindingInEffect } from './binding.conditions';
import { BindingRepository, standingFactsOf } from './binding.repository';
import { openMigratedSqlite } from '../../../test/support/migrated-sqlite';

/** Dates on and around the bounds, and null ("not started" for a start, "not ended" for `until`). */
const BOUNDS = [null, '2010-01-01', '2015-06-30', '2020-12-31'];
const ASKED = [
  '2009-12-31',
  '2010-01-01',
  '2012-03-04',
  '2015-06-30',
  '2018-01-01',
  '2020-12-31',
  '2021-01-01',
];

/** No suspension, one not lifted, one lifted: on, before and after their bounds (`suspendedOn`). */
const SUSPENSIONS = [
  { suspendedFrom: null, suspendedUntil: null },
  { suspendedFrom: '2015-06-30', suspendedUntil: null },
  { suspendedFrom: '2010-01-01', suspendedUntil: '2020-12-31' },
];

describe('BindingRepository and the binding conditions: the SQL says what isBoundOn says', () => {
  let db: Awaited<ReturnType<typeof openMigratedSqlite>>;
  let orm: MikroORM;
  let bindings: Binding[];

  beforeAll(async () => {
    db = await openMigratedSqlite('binding-repository');
    orm = db.orm;
    const em = orm.em.fork() as EntityManager;
    // Every combination of the bounds: one agreement each (the table's rows point at agreements).
    const combos = BOUNDS.flatMap((appliedFrom) =>
      BOUNDS.flatMap((inForceFrom) =>
        BOUNDS.flatMap((until) =>
          SUSPENSIONS.map((suspension) => ({ appliedFrom, inForceFrom, until, ...suspension })),
        ),
      ),
    );
    const agreements = combos.map((_, i) =>
      em.create(Agreement, {
        slug: `b-${i}`,
        title: `B ${i}`,
        kind: AgreementKind.BILATERAL,
        status: AgreementStatus.SIGNED,
      }),
    );
    await em.flush();
    bindings = combos.map((c, i) => ({
      agreementId: agreements[i].id,
      partyCode: i % 2 ? 'FRA' : 'EUN',
      via: null,
      inForceInferred: false,
      signatoryOnly: false,
      agreementFirstDates: false,
      ...c,
    }));
    await new BindingRepository(em).replace(null, bindings);
  });

  afterAll(async () => {
    await db.close();
  });

  it.each(['IN_FORCE', 'APPLIED'] as BindingMode[])(
    'in mode %s, bindingInEffect selects exactly the rows isBoundOn accepts, on every date',
    async (mode) => {
      const em = orm.em.fork() as EntityManager;
      for (const on of ASKED) {
        const rows = await rowsOf<{ agreement_id: number; party_code: string }>(
          em,
          from(em, 'agreement_binding as b')
            .select('b.agreement_id', 'b.party_code')
            .where(bindingInEffect({ on, mode }))
            .orderBy('b.agreement_id'),
        );
        const expected = bindings
          .filter((b) => isBoundOn(b, on, mode))
          .map((b) => `${b.agreementId}:${b.partyCode}`);
        expect({ on, rows: rows.map((r) => `${r.agreement_id}:${r.party_code}`) }).toEqual({
          on,
          rows: expected,
        });
      }
    },
  );

  it('reads back what it wrote: partiesBoundBy, and replace scoped to some agreements', async () => {
    const em = orm.em.fork() as EntityManager;
    const repository = new BindingRepository(em);
    const [first, second] = bindings;
    expect(await repository.partiesBoundBy(first.agreementId)).toEqual([first.partyCode]);
    await repository.replace(
      [first.agreementId],
      [
        { ...first, partyCode: 'DEU' },
        { ...first, partyCode: 'ITA' },
      ],
    );
    expect((await repository.partiesBoundBy(first.agreementId)).sort()).toEqual(['DEU', 'ITA']);
    expect(await repository.partiesBoundBy(second.agreementId)).toEqual([second.partyCode]);
  });
});

describe("a binding row's standing facts (standingFactsOf), as every driver gives the flag", () => {
  const row = (signatory_only: unknown) => ({
    party_code: 'CAN',
    via: null,
    signatory_only,
    suspended_from: null,
    suspended_until: null,
  });

  it('reads false as false however the driver says it: "0" was read as true, every party a signatory only', () => {
    for (const no of [false, 0, '0', 'f', 'false', null])
      expect({ no, signatoryOnly: standingFactsOf(row(no)).signatoryOnly }).toEqual({
        no,
        signatoryOnly: false,
      });
    for (const yes of [true, 1, '1', 't', 'true'])
      expect({ yes, signatoryOnly: standingFactsOf(row(yes)).signatoryOnly }).toEqual({
        yes,
        signatoryOnly: true,
      });
  });

  it('places rows read as text where rows read as numbers go (the lists every reader shows)', () => {
    const asText = partyListsByStanding(
      [row('0'), { ...row('1'), party_code: 'USA' }],
      standingFactsOf,
      '2020-01-01',
    );
    const asNumbers = partyListsByStanding(
      [row(0), { ...row(1), party_code: 'USA' }],
      standingFactsOf,
      '2020-01-01',
    );
    const codes = (l: typeof asText) => ({
      PARTY: l.PARTY.map((r) => r.party_code),
      SIGNATORY_ONLY: l.SIGNATORY_ONLY.map((r) => r.party_code),
    });
    expect(codes(asText)).toEqual({ PARTY: ['CAN'], SIGNATORY_ONLY: ['USA'] });
    expect(codes(asNumbers)).toEqual(codes(asText));
  });

  it("keeps the other facts as given: the bloc and the suspension's dates", () => {
    expect(
      standingFactsOf({ via: 'EUN', signatory_only: 0, suspended_from: '2017-08-05', suspended_until: null }),
    ).toEqual({ via: 'EUN', signatoryOnly: false, suspendedFrom: '2017-08-05', suspendedUntil: null });
  });
});
