import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';
import { corpusDir } from '../../src/config';
import { toGlobalId } from '../../src/graphql/node/global-id';
import {
  laterPartiesOf,
  metaCorrection,
  accessionDateOf,
  partyEntriesIntoForce,
  withdrawalsOf,
} from '../../src/ingest/tota/meta-corrections';
import { ClauseIndexService } from '../../src/search/wording/clause-index.service';
import { startCorpusApp } from '../support/corpus-app';
import { readCsvTable, bodyBytes } from '../support/download-readers';
import { GraphQLResponse, TestApp } from '../support/test-app';
import { mentionsDate } from '../support/written-dates';
import {
  destaKey,
  finalClauseAmendmentDates,
  finalClauseDates,
  readCsv,
  readDestaAccessions,
  readTotaMeta,
  Row,
  TotaMeta,
} from './truth/sources';

/**
 * Is what the catalogue says about the imported corpus true? Every statement of a kind is checked against the
 * corpus sources (ToTA's meta, the country lists, the Convention lists), read here on their own, not through the
 * product's parsers: agreement facts, who is bound by what from when and until when, each country's labels and
 * Convention status, the reports' lists of agreements that bind a party on a date, and the trends' counts.
 * Each check collects the false statements of its kind and expects none; the number checked is printed and
 * written to test/out/truth-counts.json.
 */

type Value = string | number | null | Date | undefined;
const day = (v: Value): string | null =>
  v === null || v === undefined
    ? null
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).slice(0, 10);

const TOTA_STATUS: Record<string, string> = {
  'In Force': 'IN_FORCE',
  Inactive: 'TERMINATED',
  'Early announcement-Signed': 'SIGNED',
};
interface AgreementRow {
  id: number;
  slug: string;
  origin: string;
  status: string;
  date_signed: Value;
  date_in_force: Value;
  date_terminated: Value;
  concluded_by: string | null;
  tota_id: string | null;
  fact_sources: string | Record<string, string> | null;
  source_meta: string | Record<string, unknown> | null;
}
interface BindingRow {
  agreement_id: number;
  party_code: string;
  via: string | null;
  applied_from: Value;
  in_force_from: Value;
  until: Value;
  in_force_inferred: number | boolean;
  suspended_from: Value;
}

const json = <T>(v: string | T | null): T | null =>
  v === null ? null : typeof v === 'string' ? (JSON.parse(v) as T) : v;

describe('the catalogue tells the truth about the imported corpus', () => {
  let t: TestApp;
  const sql = <T>(query: string, params: unknown[] = []) =>
    t.orm.em.fork().getConnection().execute<T[]>(query, params) as Promise<T[]>;
  /** How many provisions each imported agreement holds, by its id. */
  const provisionCounts = async (): Promise<Map<number, number>> => {
    const rows = await sql<{ id: number; n: number }>(
      'select "agreement_id" as id, count(*) as n from provision group by "agreement_id"',
    );
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  };
  const counts: Record<string, { checked: number; false: number }> = {};
  const tally = (kind: string, checked: number, wrong: unknown[]) => {
    counts[kind] = { checked, false: wrong.length };
  };

  /**
   * Each party's coherence report on the default date, with every field the checks below read: asked once per
   * party and shared by them (four checks asked for it one after another; the service keeps 64 reports, fewer than
   * the parties, so each of them computed every report again).
   */
  interface DefaultReport {
    coherenceReport: {
      asOf: string;
      agreements: {
        via: string | null;
        agreement: { slug: string; dateSigned: string | null };
        acceptedAnnotations: number;
        proposedAnnotations: number;
        checks: { ruleId: string; outcome: string; message: string; evidence: { status: string | null }[] }[];
      }[];
      scores: { paragraph: string; ruleIds: string[]; pending: number; assessed: number; met: number }[];
    };
  }
  const defaultReports = new Map<string, Promise<GraphQLResponse<DefaultReport>>>();
  const defaultReport = (code: string): Promise<GraphQLResponse<DefaultReport>> => {
    let report = defaultReports.get(code);
    if (!report) {
      report = t
        .gql<DefaultReport>(
          `query($p: String!) { coherenceReport(party: $p) { asOf
           agreements { via agreement { slug dateSigned } acceptedAnnotations proposedAnnotations
             checks { ruleId outcome message evidence { status } } }
           scores { paragraph ruleIds pending assessed met } } }`,
          { p: code },
        )
        .then((res) => {
          // Refused or failed, the checks below would find nothing to check in it.
          if (res.errors) throw new Error(`${code}'s coherence report: ${JSON.stringify(res.errors)}`);
          return res;
        });
      defaultReports.set(code, report);
    }
    return report;
  };

  let tota: Map<string, TotaMeta>;
  let agreements: AgreementRow[];
  let byTota: Map<string, AgreementRow>;
  let bindings: Map<number, BindingRow[]>;
  let partyRows: Map<
    string,
    {
      agreement_id: number;
      party_code: string;
      role: string;
      date_joined: Value;
      date_in_force: Value;
      withdrawn: number | boolean;
      date_withdrawn: Value;
      suspended_from: Value;
    }[]
  >;
  let parties: Map<string, Record<string, unknown>>;
  let eu: Map<string, { date_joined: Value; date_left: Value; date_bound_until: Value }>;

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
    tota = readTotaMeta(corpusDir());
    agreements = await sql<AgreementRow>(
      `select "id" as id, "slug" as slug, "origin" as origin, "status" as status, "date_signed" as date_signed,
              "date_in_force" as date_in_force, "date_terminated" as date_terminated, "concluded_by" as concluded_by,
              "tota_id" as tota_id,
              "fact_sources" as fact_sources, "source_meta" as source_meta
       from agreement where "archived_at" is null`,
    );
    byTota = new Map(agreements.filter((a) => a.tota_id).map((a) => [a.tota_id!, a]));
    bindings = new Map();
    for (const b of await sql<BindingRow>(
      `select "agreement_id" as agreement_id, "party_code" as party_code, "via" as via, "applied_from" as applied_from,
              "in_force_from" as in_force_from, "until" as until, "in_force_inferred" as in_force_inferred,
              "suspended_from" as suspended_from
       from agreement_binding`,
    ))
      bindings.set(b.agreement_id, [...(bindings.get(b.agreement_id) ?? []), b]);
    partyRows = new Map();
    for (const p of await sql<{
      agreement_id: number;
      party_code: string;
      role: string;
      date_joined: Value;
      date_in_force: Value;
      withdrawn: number | boolean;
      date_withdrawn: Value;
      suspended_from: Value;
    }>(
      `select "agreement_id" as agreement_id, "party_code" as party_code, "role" as role, "date_joined" as date_joined,
              "date_in_force" as date_in_force, "withdrawn" as withdrawn, "date_withdrawn" as date_withdrawn,
              "suspended_from" as suspended_from
       from agreement_party`,
    ))
      partyRows.set(String(p.agreement_id), [...(partyRows.get(String(p.agreement_id)) ?? []), p]);
    parties = new Map(
      (await sql<Record<string, unknown>>('select * from party')).map((p) => [String(p.code), p]),
    );
    eu = new Map(
      (
        await sql<{ member_code: string; date_joined: Value; date_left: Value; date_bound_until: Value }>(
          `select "member_code" as member_code, "date_joined" as date_joined, "date_left" as date_left,
                  "date_bound_until" as date_bound_until from bloc_membership where "bloc_code" = 'EUN'`,
        )
      ).map((m) => [m.member_code, m]),
    );
  });

  afterAll(async () => {
    mkdirSync(join(PROJECT_ROOT, 'test', 'out'), { recursive: true });
    writeFileSync(
      join(PROJECT_ROOT, 'test', 'out', 'truth-counts.json'),
      `${JSON.stringify(counts, null, 2)}\n`,
    );
    console.log(
      Object.entries(counts)
        .map(([k, v]) => `${k}: ${v.checked} checked, ${v.false} false`)
        .join('\n'),
    );
    await t?.close();
  });

  /** The ToTA files that are agreements of their own (the TPP's Spanish file is a language version of 449). */
  const imported = () =>
    [...tota.values()]
      .filter((m) => byTota.has(m.id))
      .map((m) => ({ meta: m, agreement: byTota.get(m.id)! }));
  const sourcesText = (a: AgreementRow) =>
    Object.values(json<Record<string, string>>(a.fact_sources) ?? {}).join(' ');

  it('holds every ToTA file, once', () => {
    const missing = [...tota.values()].filter((m) => !byTota.has(m.id) && m.id !== '450').map((m) => m.file);
    tally('ToTA files held', tota.size, missing);
    expect(missing).toEqual([]);
  });

  it("gives each agreement ToTA's dates and status, or says where its own come from and what ToTA gives", () => {
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { meta, agreement: a } of imported()) {
      const curated = a.origin !== 'tota';
      const facts: [string, string | null, string | null][] = [
        ['dateSigned', meta.signed, day(a.date_signed)],
        ['dateInForce', meta.inForce, day(a.date_in_force)],
        ['status', TOTA_STATUS[meta.status ?? ''] ?? null, a.status],
      ];
      if (meta.status === 'Inactive') facts.push(['dateTerminated', meta.inactive, day(a.date_terminated)]);
      for (const [fact, source, held] of facts) {
        checked++;
        if (source === held) continue;
        // A value other than ToTA's is true only with its own source, which must say what ToTA gives.
        const text = sourcesText(a);
        const said =
          /ToTA/.test(text) && (source === null || fact === 'status' || mentionsDate(text, source));
        if (!said) wrong.push({ file: meta.file, slug: a.slug, curated, fact, tota: source, held });
      }
      // ToTA's status is its WTO snapshot's (2017): said so, since an agreement may have ended since.
      if (!curated) {
        checked++;
        if (!/2017/.test(json<Record<string, string>>(a.fact_sources)?.status ?? ''))
          wrong.push({ file: meta.file, slug: a.slug, fact: 'status without the date of its source' });
      }
      // ToTA contradicting itself (in force before signature; a date of entry into force on a signed-only
      // agreement) is said, not picked silently.
      if (meta.inForce && meta.signed && meta.inForce < meta.signed && !curated) {
        checked++;
        if (day(a.date_in_force) === meta.inForce || !/before the signature/.test(sourcesText(a)))
          wrong.push({
            file: meta.file,
            slug: a.slug,
            fact: 'dateInForce before dateSigned',
            held: day(a.date_in_force),
          });
      }
      if (meta.inForce && meta.status === 'Early announcement-Signed' && !curated) {
        checked++;
        if (
          !/signed only|not in force|status/i.test(json<Record<string, string>>(a.fact_sources)?.status ?? '')
        )
          wrong.push({
            file: meta.file,
            slug: a.slug,
            fact: 'status SIGNED with a date of entry into force, unexplained',
          });
      }
    }
    tally('agreement dates and status', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('says where DESTA gives another year of signature or entry into force than the date shown', () => {
    // DESTA's entries by the WTO name ToTA uses; the treaty itself before its consolidations and protocols.
    const order = ['base_treaty', 'accession', 'consolidated', 'protocol or amendment'];
    const norm = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const desta = new Map<string, Row>();
    for (const r of readCsv(join(corpusDir(), 'desta', 'desta_list_of_treaties_02_02.csv'))) {
      if (!r.wto_name || !order.includes(r.entry_type)) continue;
      const held = desta.get(norm(r.wto_name));
      if (!held || order.indexOf(r.entry_type) < order.indexOf(held.entry_type))
        desta.set(norm(r.wto_name), r);
    }
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { meta, agreement: a } of imported()) {
      const entry = meta.name ? desta.get(norm(meta.name)) : undefined;
      if (!entry || a.origin !== 'tota') continue;
      // Signed only on the WTO card as ToTA copied it (2017), entered into force since by DESTA's later list: not
      // recorded as signed only (the party pages said such an agreement did not bind its parties in 2026); nor where
      // ToTA's own date of entry into force is in the year DESTA gives (EFTA - GCC, "signed" beside 2014-07-01).
      if (
        meta.status === 'Early announcement-Signed' &&
        /^\d{4}$/.test(entry.entryforceyear) &&
        (!meta.inForce || meta.inForce.startsWith(entry.entryforceyear))
      ) {
        checked++;
        const status = json<Record<string, string>>(a.fact_sources)?.status ?? '';
        if (a.status !== 'IN_FORCE' || !status.includes(`DESTA v2.02 entry ${entry.number} `))
          wrong.push({
            file: meta.file,
            slug: a.slug,
            fact: 'status',
            tota: meta.status,
            desta: entry.entryforceyear,
            held: a.status,
          });
      }
      for (const [fact, held, year] of [
        ['signature', meta.signed, entry.year],
        ['entry into force', meta.inForce, entry.entryforceyear],
      ] as const) {
        if (!held || !/^\d{4}$/.test(year ?? '')) continue;
        checked++;
        if (held.startsWith(year)) continue;
        const text = sourcesText(a);
        if (!(
          text.includes(`DESTA v2.02 entry ${entry.number} `) && text.includes(`year of ${fact} ${year}`)
        ))
          wrong.push({ file: meta.file, slug: a.slug, fact, tota: held, desta: year, entry: entry.number });
      }
    }
    tally('agreement dates where DESTA disagrees with ToTA', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('dates each text held by its own final clause, or says what the text is', async () => {
    // truth8: ToTA's date of signature against the "Done at ... on ..." of the text it holds. Kyrgyz Republic - Moldova
    // was signed on the 26th, not the 16th; EU - Turkey's text (Association Council Decision 1/95) is done on
    // 1995-12-22, not 1995-03-06; four files hold another instrument (EU - Mexico: a 2001 Joint Council decision under
    // the 1997 agreement; EU - OCT: a 2001 Council decision under 1970), whose clauses, dated by the record, were named
    // the source of clauses signed before them (EFTA - Mexico's, 2000; the Europe Agreements'). True: the record's
    // date of signature is one the text's final clauses give, or the record says what the text is, with its date
    // ("Text left out": no provisions; "Text held": kept, where weeks apart change no family).
    const coverage = new Map(
      (
        await sql<{ id: number; coverage: string | null }>(
          'select "id" as id, "record_coverage" as coverage from agreement',
        )
      ).map((r) => [Number(r.id), r.coverage]),
    );
    const provisions = await provisionCounts();
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { meta, agreement: a } of imported()) {
      const dates = finalClauseDates(readFileSync(join(corpusDir(), 'tota', 'xml', meta.file), 'utf8'));
      if (!dates.length) continue;
      checked++;
      const held = day(a.date_signed);
      if (held !== null && dates.includes(held)) continue;
      const textNote = json<Record<string, string>>(a.fact_sources)?.text ?? '';
      const leftOut = /^Text left out/.test(textNote);
      const said =
        /^Text (left out|held)/.test(textNote) &&
        dates.some((d) => mentionsDate(textNote, d)) &&
        leftOut === (coverage.get(a.id) === 'METADATA_ONLY' && !provisions.get(a.id));
      if (!said) wrong.push({ file: meta.file, slug: a.slug, dateSigned: held, finalClauses: dates });
    }
    tally('dates of signature against the final clauses of the texts held', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('dates no clause by a signature its text was amended after, or says what the text is', async () => {
    // truth9: ToTA's EFTA Convention (signed 1960) is the Convention as amended at Vaduz in 2001, its final clause
    // says; dated 1960, its articles were the probable source of 90 clauses signed from 1961 to 2001 (the EEC -
    // Greece association agreement, the Europe Agreements, the EEA). True: a text amended after the record's
    // signature is left out, or kept with a note that gives the amendment's date.
    const provisions = await provisionCounts();
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { meta, agreement: a } of imported()) {
      const xml = readFileSync(join(corpusDir(), 'tota', 'xml', meta.file), 'utf8');
      const signed = day(a.date_signed);
      const amended = finalClauseAmendmentDates(xml).filter((d) => signed === null || d > signed);
      if (!amended.length) continue;
      checked++;
      const textNote = json<Record<string, string>>(a.fact_sources)?.text ?? '';
      const said =
        (/^Text left out/.test(textNote) && !provisions.get(a.id)) ||
        (/^Text held/.test(textNote) && amended.every((d) => mentionsDate(textNote, d)));
      if (!said)
        wrong.push({
          file: meta.file,
          slug: a.slug,
          dateSigned: signed,
          amended,
          provisions: provisions.get(a.id),
        });
    }
    expect(checked).toBeGreaterThan(0);
    tally('texts held amended after the signature their clauses are dated by', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('makes a party of every state ToTA lists (through the EU for its member states), and of no other', () => {
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { meta, agreement: a } of imported()) {
      if (a.origin !== 'tota') continue;
      const rows = partyRows.get(String(a.id)) ?? [];
      const direct = new Set(rows.map((r) => r.party_code));
      const bound = bindings.get(a.id) ?? [];
      const listed = [...new Set([...meta.original, ...meta.current])];
      for (const code of listed) {
        checked++;
        const party = parties.get(code);
        if (!party) {
          wrong.push({ file: meta.file, code, problem: 'not a party of the catalogue' });
          continue;
        }
        if (party.territory_of) {
          if (bound.some((b) => b.party_code === code))
            wrong.push({ file: meta.file, code, problem: 'territory bound' });
          continue;
        }
        if (direct.has(code)) continue;
        const member = eu.get(code);
        const viaEu = bound.some((b) => b.party_code === code && b.via === 'EUN');
        const joinedAfterEnd =
          member && a.date_terminated && day(member.date_joined)! >= day(a.date_terminated)!;
        if (!(direct.has('EUN') && member && (viaEu || joinedAfterEnd)))
          wrong.push({ file: meta.file, slug: a.slug, code, problem: 'listed by ToTA, bound by nothing' });
      }
      for (const code of direct) {
        checked++;
        // A state ToTA's file does not list, added with its sources (TOTA_LATER_PARTIES: MERCOSUR's Venezuela).
        const later = laterPartiesOf(meta.file, listed).some((c) => c.code === code);
        if (code !== 'EUN' && !listed.includes(code) && !later)
          wrong.push({ file: meta.file, slug: a.slug, code, problem: 'not listed by ToTA' });
        if (code === 'EUN' && !listed.some((c) => eu.has(c)))
          wrong.push({ file: meta.file, slug: a.slug, code, problem: 'EU with no member listed' });
      }
    }
    tally('parties of each agreement', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('binds each party from the date the sources give, and from no date they do not give', () => {
    const destaAccessions = readDestaAccessions(corpusDir());
    const destaWithdrawals = readDestaAccessions(corpusDir(), 'withdrawal');
    const wrong: unknown[] = [];
    let checked = 0;
    for (const { meta, agreement: a } of imported()) {
      if (a.origin !== 'tota') continue;
      const rows = new Map((partyRows.get(String(a.id)) ?? []).map((r) => [r.party_code, r]));
      const bound = bindings.get(a.id) ?? [];
      // Inactive with no date: ended on a day no source gives, bound on no date (the binding ends at 0001-01-01).
      // ToTA's status is the WTO card's of 2017; the team's sourced corrections of it (an agreement ended since,
      // Turkey - Jordan) are sources too.
      const status = metaCorrection(meta.file, 'status', meta.status)?.value ?? meta.status;
      const ended = status === 'Inactive' ? (meta.inactive ?? '0001-01-01') : null;
      // ToTA's date of entry into force, when it can be true (not before the signature); the team's sourced
      // corrections of it are sources too: the agreement's first (Chile - Central America, 2002-02-15), and the
      // parties' own where they entered into force each on its own day (El Salvador, 2002-06-03).
      const toTaInForce = meta.inForce && !(meta.signed && meta.inForce < meta.signed) ? meta.inForce : null;
      const agreementInForce = metaCorrection(meta.file, 'dateIntoForce', meta.inForce)?.value ?? toTaInForce;
      const ownInForce = partyEntriesIntoForce(meta.file, meta.inForce)?.dates ?? {};
      const blocBinding = bound.find((b) => b.party_code === 'EUN');
      for (const b of bound) {
        checked++;
        const from = day(b.in_force_from);
        const until = day(b.until);
        const inferred = Boolean(b.in_force_inferred);
        const inForce = (b.via === null ? ownInForce[b.party_code] : undefined) ?? agreementInForce;
        const at = {
          file: meta.file,
          slug: a.slug,
          code: b.party_code,
          via: b.via,
          inForceFrom: from,
          until,
        };
        if (b.via === 'EUN' && !rows.has(b.party_code)) {
          // A member state bound through the EU: from its accession (or the EU's start), until it left; one that
          // joined after the EU signed (not its founding treaty, signed before it had members) and acceded on no
          // date listed here, on no date (a mixed agreement binds it from its own protocol: not known), unless the
          // text says the bloc concluded it alone (the Acts of Accession bind a new member from its entry).
          const m = eu.get(b.party_code)!;
          const joined = day(m.date_joined);
          const blocFrom = day(blocBinding?.in_force_from);
          const signed = day(a.date_signed);
          const founded = [...eu.values()]
            .map((x) => day(x.date_joined))
            .filter((x): x is string => x !== null)
            .sort()[0];
          const joinedLater =
            joined !== null &&
            signed !== null &&
            joined > signed &&
            founded <= signed &&
            a.concluded_by !== 'BLOC_ONLY';
          const expectFrom = joinedLater ? null : blocFrom && joined && joined > blocFrom ? joined : blocFrom;
          const left = m.date_bound_until ? null : day(m.date_left);
          if (from !== expectFrom)
            wrong.push({
              ...at,
              expected: expectFrom,
              problem: 'member bound through the EU from another date',
            });
          if (m.date_bound_until === null && left && (until === null || until > left))
            wrong.push({ ...at, expected: left, problem: 'member bound after it left the EU' });
          continue;
        }
        const row = rows.get(b.party_code);
        if (!row) {
          wrong.push({ ...at, problem: 'binding without a party row' });
          continue;
        }
        const acceded =
          // An accession instrument's dates are the acceding state's own (EFTA - Accession of Iceland).
          (!/\baccession\b/i.test(meta.name ?? '') &&
            meta.original.length > 0 &&
            !meta.original.includes(b.party_code) &&
            meta.current.includes(b.party_code)) ||
          // Listed among the original parties, but DESTA has it accede after the signature (Viet Nam in AFTA).
          (meta.original.includes(b.party_code) &&
            (destaAccessions.get(destaKey(meta.name ?? '')) ?? []).some(
              (e) =>
                e.codes.includes(b.party_code) && meta.signed !== null && e.year > meta.signed.slice(0, 4),
            )) ||
          // A member state that joined the EU after it signed, and that DESTA has accede on its own (Croatia and
          // the EEA): bound on the EU's side, from its own accession.
          (b.via === 'EUN' &&
            meta.signed !== null &&
            (day(eu.get(b.party_code)?.date_joined) ?? '') > meta.signed &&
            (destaAccessions.get(destaKey(meta.name ?? '')) ?? []).some(
              (e) =>
                (e.codes.includes(b.party_code) || e.newcomers.includes(b.party_code)) &&
                e.year > meta.signed!.slice(0, 4),
            ));
        const withdrawn =
          (meta.current.length > 0 &&
            meta.original.includes(b.party_code) &&
            !meta.current.includes(b.party_code)) ||
          // Listed among the current parties, but DESTA has it withdraw after the signature (Lesotho, COMESA).
          (b.via === null &&
            meta.current.includes(b.party_code) &&
            (destaWithdrawals.get(destaKey(meta.name ?? '')) ?? []).some(
              (e) =>
                e.codes.includes(b.party_code) && meta.signed !== null && e.year > meta.signed.slice(0, 4),
            ));
        // Joined later, dated by its own accession instrument in ToTA (EFTA - Accession of Iceland, pta_135): the
        // earliest instrument related to this agreement that lists it (among its current parties only, if it
        // lists any there), in force on that date.
        const currentOnly =
          !/\baccession\b/i.test(meta.name ?? '') &&
          meta.original.length > 0 &&
          !meta.original.includes(b.party_code) &&
          meta.current.includes(b.party_code);
        const instrument = currentOnly
          ? [...tota.values()]
              .filter(
                (i) =>
                  /\baccession\b/i.test(i.name ?? '') &&
                  i.inForce !== null &&
                  meta.wto !== null &&
                  i.related.includes(meta.wto) &&
                  (i.current.some((c) => !i.original.includes(c))
                    ? i.current.includes(b.party_code) && !i.original.includes(b.party_code)
                    : i.original.includes(b.party_code) || i.current.includes(b.party_code)),
              )
              .map((i) => i.inForce!)
              .sort()[0]
          : undefined;
        // Added after ToTA's snapshot (TOTA_LATER_PARTIES): from the day its sources agree on, else on no date.
        const laterParty = laterPartiesOf(meta.file, [...meta.original, ...meta.current]).find(
          (c) => c.code === b.party_code,
        );
        if (laterParty && b.via === null) {
          const expected =
            laterParty.dateJoined && inForce && inForce > laterParty.dateJoined
              ? inForce
              : laterParty.dateJoined;
          if (day(row.date_joined) !== laterParty.dateJoined || from !== expected)
            wrong.push({ ...at, expected, problem: 'later party not bound from the day its sources give' });
          // Suspended from the day its source gives (Venezuela in MERCOSUR, 2017-08-05), and not otherwise.
          if (
            day(row.suspended_from) !== (laterParty.suspendedFrom ?? null) ||
            day(b.suspended_from) !== day(row.suspended_from)
          )
            wrong.push({
              ...at,
              expected: laterParty.suspendedFrom,
              problem: 'later party not suspended as its source says',
            });
          continue;
        }
        if (instrument !== undefined && b.via === null) {
          const expected = inForce && inForce > instrument ? inForce : instrument;
          if (day(row.date_joined) !== instrument || from !== expected)
            wrong.push({ ...at, expected, problem: 'not bound from its accession instrument' });
          continue;
        }
        // Listed among the original parties, DESTA has it accede in a year, a source gives the day
        // (TOTA_ACCESSION_DATES: Cambodia in AFTA, 1999-04-30): bound from that day (the agreement's if later).
        const datedAccession = b.via === null ? accessionDateOf(meta.file, b.party_code) : undefined;
        if (acceded && datedAccession) {
          const expected =
            inForce && inForce > datedAccession.dateJoined ? inForce : datedAccession.dateJoined;
          if (day(row.date_joined) !== datedAccession.dateJoined || from !== expected)
            wrong.push({ ...at, expected, problem: 'accession not dated as its source gives' });
          continue;
        }
        if (acceded && !day(row.date_joined) && !day(row.date_in_force)) {
          // ToTA lists it among the current parties only: when it joined, no source here says.
          if (from !== null)
            wrong.push({ ...at, problem: 'acceded party bound from a date no source gives' });
          continue;
        }
        if (withdrawn && !day(row.date_withdrawn)) {
          if (from !== null && (until === null || until > from))
            wrong.push({ ...at, problem: 'withdrawn party bound with no date of withdrawal' });
          continue;
        }
        if (inferred) {
          // Disclosed in the reports as "counted as binding since signature"; only where no date is given.
          if (inForce !== null || from !== day(a.date_signed))
            wrong.push({ ...at, problem: 'inferred start where a date is given' });
        } else if (from !== inForce)
          wrong.push({ ...at, expected: inForce, problem: 'in force from another date' });
        // Withdrawn on the day its sources give (TOTA_WITHDRAWALS: Venezuela from the Andean Community, 2006-04-22),
        // where the file still lists it: bound until that day, its party row dated by it.
        const datedWithdrawal = withdrawalsOf(meta.file, [...meta.original, ...meta.current]).find(
          (w) => w.code === b.party_code,
        )?.dateWithdrawn;
        if (datedWithdrawal && day(row.date_withdrawn) !== datedWithdrawal)
          wrong.push({
            ...at,
            expected: datedWithdrawal,
            problem: 'withdrawal not dated as its sources give',
          });
        const expectedUntil = datedWithdrawal ?? ended;
        if (until !== expectedUntil)
          wrong.push({ ...at, expected: expectedUntil, problem: 'bound until another date' });
      }
    }
    tally('binding dates (who is bound from when until when)', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('gives each country the regions, flags and income group of the country lists', () => {
    const corpus = corpusDir();
    const rows = readCsv(join(corpus, 'countries', 'country-codes.csv'));
    const income = new Map(
      readCsv(join(corpus, 'countries', 'CLASS_FY23_list_of_economies.csv')).map((r) => [r.Code, r]),
    );
    const GROUPS: Record<string, string | null> = {
      'Low income': 'LOW',
      'Lower middle income': 'LOWER_MIDDLE',
      'Upper middle income': 'UPPER_MIDDLE',
      'High income': 'HIGH',
      '': null,
    };
    const wrong: unknown[] = [];
    let checked = 0;
    const orNull = (s: string | undefined) => ((s ?? '').trim() === '' ? null : (s ?? '').trim());
    for (const r of rows) {
      const code = r['ISO3166-1-Alpha-3'];
      if (!code) continue;
      const p = parties.get(code);
      checked++;
      if (!p) {
        wrong.push({ code, problem: 'missing' });
        continue;
      }
      const facts: [string, unknown, unknown][] = [
        ['region', orNull(r['Region Name']), p.region],
        ['subRegion', orNull(r['Sub-region Name']), p.sub_region],
        ['intermediateRegion', orNull(r['Intermediate Region Name']), p.intermediate_region],
        [
          'm49',
          orNull(r.M49)?.padStart(3, '0') ?? null,
          p.m49 === null ? null : String(p.m49).padStart(3, '0'),
        ],
        ['ldc', Boolean(orNull(r['Least Developed Countries (LDC)'])), Boolean(p.ldc)],
        ['lldc', Boolean(orNull(r['Land Locked Developing Countries (LLDC)'])), Boolean(p.lldc)],
        ['sids', Boolean(orNull(r['Small Island Developing States (SIDS)'])), Boolean(p.sids)],
      ];
      const economy = income.get(code);
      const sources = json<Record<string, string>>(p.fact_sources as string) ?? {};
      // An economy the World Bank classes under another code (the Channel Islands) says so in its sources.
      const other = /World Bank FY23 list, ([A-Z]{3})/.exec(sources.incomeGroup ?? '')?.[1];
      const row = economy ?? (other ? income.get(other) : undefined);
      const group = row ? GROUPS[row['Income group'].trim()] : null;
      facts.push(['incomeGroup', group, p.income_group]);
      // The taxonomy's definition: a UN LDC or SIDS, or not classed high income by the World Bank.
      const ldcOrSids =
        Boolean(orNull(r['Least Developed Countries (LDC)'])) ||
        Boolean(orNull(r['Small Island Developing States (SIDS)']));
      facts.push([
        'developing',
        ldcOrSids ? true : group === null ? null : group !== 'HIGH',
        p.developing === null ? null : Boolean(p.developing),
      ]);
      for (const [fact, source, held] of facts) {
        checked++;
        if (source !== held) wrong.push({ code, fact, source, held });
      }
    }
    tally('country labels (regions, LDC/LLDC/SIDS, income group, developing)', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('gives each country the Convention status the Convention lists give, with a source for any other', () => {
    const corpus = corpusDir();
    const listed = new Map(readCsv(join(corpus, 'convention', 'parties.csv')).map((r) => [r.iso3, r]));
    const notParties = new Map(
      readCsv(join(corpus, 'convention', 'not_parties.csv')).map((r) => [r.iso3, r]),
    );
    const wrong: unknown[] = [];
    let checked = 0;
    for (const [code, p] of parties) {
      checked++;
      const held = {
        status: p.convention_status_kind,
        deposited: day(p.convention_deposited as Value),
        inForce: day(p.convention_in_force as Value),
      };
      const row: Row | undefined = listed.get(code);
      const not = notParties.get(code);
      if (row) {
        const expected = {
          status: 'PARTY',
          deposited: row.instrument_deposited || null,
          inForce: row.entry_into_force || null,
        };
        // A hand-checked fact may fill a blank of the list; it may not contradict it.
        if (
          held.status !== 'PARTY' ||
          (expected.deposited && expected.deposited !== held.deposited) ||
          (expected.inForce && expected.inForce !== held.inForce)
        )
          wrong.push({ code, expected, held });
        else if (!expected.inForce && held.inForce && !/Hand-checked/.test(String(p.convention_source)))
          wrong.push({ code, held, problem: 'a date the list does not give, with no source' });
      } else if (not) {
        const unknown = not.confidence === 'low' || /^absence only/i.test(not.basis);
        const expected = unknown ? 'UNKNOWN' : 'NOT_PARTY';
        if (held.status !== expected || String(p.convention_as_of ?? '') < not.as_of)
          wrong.push({ code, expected, asOf: not.as_of, held });
      } else if (held.status !== 'UNKNOWN' && !/Hand-checked source/.test(String(p.convention_source ?? '')))
        wrong.push({ code, held, problem: 'a status neither list gives, with no source' });
    }
    tally('Convention status of each party', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it("lists, in each party's coherence report, exactly the agreements that bind it on the report's date", async () => {
    const wrong: unknown[] = [];
    let checked = 0;
    const partyCodes = [...new Set([...bindings.values()].flat().map((b) => b.party_code))].sort();
    const dates = ['1995-01-01', '2008-01-01', '2016-06-30'];
    const live = new Set(agreements.map((a) => a.id));
    const slugOf = new Map(agreements.map((a) => [a.id, a.slug]));
    for (const code of partyCodes) {
      for (const asOf of dates) {
        const res = await t.gql<{ coherenceReport: { agreements: { agreement: { slug: string } }[] } }>(
          `query($p: String!, $d: LocalDate!) { coherenceReport(party: $p, asOf: $d) { agreements { agreement { slug } } } }`,
          { p: code, d: asOf },
        );
        if (res.errors) {
          wrong.push({ code, asOf, errors: res.errors });
          continue;
        }
        const listed = new Set(res.data!.coherenceReport.agreements.map((a) => a.agreement.slug));
        const expected = new Set<string>();
        for (const [id, rows] of bindings) {
          if (!live.has(id)) continue;
          for (const b of rows.filter((x) => x.party_code === code)) {
            const from = day(b.applied_from);
            const until = day(b.until);
            if (from !== null && from <= asOf && (until === null || until > asOf))
              expected.add(slugOf.get(id)!);
          }
        }
        for (const slug of new Set([...listed, ...expected])) {
          checked++;
          if (listed.has(slug) !== expected.has(slug))
            wrong.push({ code, asOf, slug, listed: listed.has(slug), bound: expected.has(slug) });
        }
      }
    }
    tally('coherence report: agreements binding a party on a date', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it("gives, in each coherence report's CSV ZIP, the notes its other files give (the caveats its tables hold under)", async () => {
    // truth6: the ZIP held the tables alone; Morocco's GSTP partners, Ukraine's CIS and Israel's "the rules do not
    // apply" were stated there without the notes that make them true. Parties of every kind: Party, not a Party,
    // unknown; bloc agreements, withdrawals; today and a past date.
    const wrong: unknown[] = [];
    let checked = 0;
    for (const code of ['MAR', 'SGP', 'UKR', 'ISR', 'EUN'])
      for (const query of ['', '?asOf=2015-01-01']) {
        const document = (await t.http().get(`/reports/coherence/${code}.json${query}`)).body as {
          title: string;
          notes: string[];
        };
        const zip = await t
          .http()
          .get(`/reports/coherence/${code}.zip${query}`)
          .buffer(true)
          .parse(bodyBytes);
        const about = readCsvTable(
          strFromU8(unzipSync(zip.body as Uint8Array)['about.csv'] ?? new Uint8Array()),
        );
        const notes = about.records.filter((r) => r.Item === 'Notes').map((r) => r.Text);
        checked += document.notes.length;
        if (
          JSON.stringify(notes) !== JSON.stringify(document.notes) ||
          about.records[0]?.Text !== document.title
        )
          wrong.push({ code, query, json: document.notes, zip: notes });
      }
    tally('coherence report: notes carried by the CSV ZIP', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('counts in the trends by party, for each country outside a bloc, the agreements its records say bound it', async () => {
    // truth6: the TPP, recorded as signed and never in force, was counted for its twelve signatories (Singapore's
    // 27 agreements were 26). From the records alone: a signed agreement of the country's, unless the country
    // signed only, or the agreement is recorded as signed only (or under negotiation) with no date of application,
    // the agreement's or the country's own. A dependent territory is no party (its state is). truth12: nor is a
    // party whose rights and obligations under it are suspended today (Venezuela in MERCOSUR since 2017-08-05).
    const records = await sql<{
      party_code: string;
      agreement_id: number;
      signatory_only: number | boolean;
      dated: number | boolean;
      status: string;
      suspended_from: Value;
      suspended_until: Value;
    }>(
      `select p."party_code" as party_code, a."id" as agreement_id, p."signatory_only" as signatory_only,
              a."status" as status, p."suspended_from" as suspended_from, p."suspended_until" as suspended_until,
              (coalesce(a."date_in_force", a."date_provisionally_applied", p."date_in_force",
                        p."date_provisionally_applied", p."date_joined") is not null) as dated
       from agreement_party p join agreement a on a."id" = p."agreement_id"
       join party c on c."code" = p."party_code"
       where a."archived_at" is null and a."date_signed" is not null and c."kind" = 'COUNTRY'
         and c."territory_of" is null
         and p."party_code" not in (select "member_code" from bloc_membership)`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const bound = new Map<string, Set<number>>();
    for (const r of records) {
      if (!bound.has(r.party_code)) bound.set(r.party_code, new Set());
      const signedOnly = ['SIGNED', 'UNDER_NEGOTIATION'].includes(r.status) && !r.dated;
      const from = day(r.suspended_from);
      const until = day(r.suspended_until);
      const suspendedToday = from !== null && from <= today && (until === null || until > today);
      if (!r.signatory_only && !signedOnly && !suspendedToday)
        bound.get(r.party_code)!.add(Number(r.agreement_id));
    }
    const rows = [...bound].map(([party_code, ids]) => ({ party_code, agreements: ids.size }));
    const trends = await t.gql<{ trends: { groups: { key: string; agreements: number }[] } }>(
      '{ trends(groupBy: PARTY) { groups { key agreements } } }',
    );
    const counted = new Map(trends.data!.trends.groups.map((g) => [g.key, g.agreements]));
    const wrong = rows
      .filter((r) => (counted.get(r.party_code) ?? 0) !== r.agreements)
      .map((r) => ({
        party: r.party_code,
        records: Number(r.agreements),
        trends: counted.get(r.party_code),
      }));
    expect(rows.find((r) => r.party_code === 'SGP')).toBeDefined();
    tally('trends by party: agreements that bound each country', rows.length, wrong);
    expect(wrong).toEqual([]);
  });

  it('counts in the trends by region the agreements that bind a party of the region, and apart those binding none', async () => {
    // truth7: the TPP (signed, never in force) was counted in 'Unknown region' (and under 'No party recorded' by
    // party), though its twelve signatories and their regions are recorded. From the bindings (checked above
    // against the sources) and each country's UN M49 region (checked against the country lists): an agreement
    // counts in the region of every party it binds at some time, directly or through a bloc, never a territory or a
    // signatory only; one that binds no party counts in 'unbound' alone.
    const rows = await sql<{
      agreement_id: number;
      region: string | null;
      kind: string;
      signatory_only: number | boolean;
    }>(
      `select a."id" as agreement_id, p."region" as region, p."kind" as kind, b."signatory_only" as signatory_only
       from agreement a left join agreement_binding b on b."agreement_id" = a."id"
       left join party p on p."code" = b."party_code" and p."territory_of" is null
       where a."archived_at" is null and a."date_signed" is not null`,
    );
    const regionsOf = new Map<number, Set<string>>();
    const binds = new Set<number>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      if (!regionsOf.has(id)) regionsOf.set(id, new Set());
      if (!r.kind || r.signatory_only === true || r.signatory_only === 1) continue;
      binds.add(id);
      if (r.region) regionsOf.get(id)!.add(r.region);
    }
    const expected = new Map<string, number>();
    for (const [id, regions] of regionsOf) {
      const keys = !binds.has(id) ? ['unbound'] : regions.size ? [...regions] : ['unknown'];
      for (const k of keys) expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    const trends = await t.gql<{
      trends: { agreements: number; groups: { key: string; agreements: number }[] };
    }>('{ trends(groupBy: REGION) { agreements groups { key agreements } } }');
    const counted = new Map(trends.data!.trends.groups.map((g) => [g.key, g.agreements]));
    const keys = [...new Set([...expected.keys(), ...counted.keys()])];
    const wrong: unknown[] = keys
      .filter((k) => (counted.get(k) ?? 0) !== (expected.get(k) ?? 0))
      .map((k) => ({ region: k, records: expected.get(k), trends: counted.get(k) }));
    if (trends.data!.trends.agreements !== regionsOf.size)
      wrong.push({ total: trends.data!.trends.agreements, records: regionsOf.size });
    tally('trends by region: agreements binding a party of each region', keys.length + 1, wrong);
    expect(wrong).toEqual([]);
  });

  it("gives as a clause's source only a member signed before it, in the families of the agreements signed the same day as another", async () => {
    // truth7: a member signed the same day as another (EFTA - Jordan and EFTA - Croatia, 2001-06-21; the 1991 Europe
    // Agreements) was given it as 'the earlier member' it comes from, by import order. For each agreement that shares
    // its signature date with another, the family of its first coded provision: a source
    // is signed before its member, on dates both records give, and a member has a source exactly when it is not at
    // generation 0.
    await t.app.get(ClauseIndexService, { strict: false }).get();
    const seeds = await sql<{ id: number; pinpoint: string }>(
      `select min(p."id") as id, min(a."slug") as pinpoint
       from provision p join agreement a on a."id" = p."agreement_id"
       join annotation n on n."provision_id" = p."id" and n."status" in ('ACCEPTED', 'PROPOSED')
       where a."archived_at" is null and a."date_signed" in (
         select "date_signed" from agreement where "archived_at" is null and "date_signed" is not null
         group by "date_signed" having count(*) > 1)
       group by a."id"`,
    );
    const wrong: unknown[] = [];
    let checked = 0;
    for (const seed of seeds) {
      const id = toGlobalId('Provision', Number(seed.id));
      const res = await t.gql<{
        clauseFamily: {
          members: {
            provision: { pinpoint: string; agreement: { dateSigned: string | null } };
            source: { pinpoint: string; agreement: { dateSigned: string | null } } | null;
            generation: number;
          }[];
        };
      }>(
        `query($id: ID!) { clauseFamily(id: $id) { members { generation
           provision { pinpoint agreement { dateSigned } } source { pinpoint agreement { dateSigned } } } } }`,
        { id },
      );
      if (res.errors) {
        wrong.push({ seed: seed.pinpoint, errors: res.errors });
        continue;
      }
      for (const m of res.data!.clauseFamily.members) {
        checked++;
        const own = m.provision.agreement.dateSigned;
        const from = m.source?.agreement.dateSigned ?? null;
        if (m.source && (own === null || from === null || from >= own))
          wrong.push({
            member: m.provision.pinpoint,
            signed: own,
            source: m.source.pinpoint,
            sourceSigned: from,
          });
        if ((m.source === null) !== (m.generation === 0))
          wrong.push({
            member: m.provision.pinpoint,
            source: m.source?.pinpoint ?? null,
            generation: m.generation,
          });
      }
    }
    expect(seeds.length).toBeGreaterThan(10);
    tally('clause families: sources signed before their members', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it("says an agreement is signed before the Convention entered into force for the party only on the lists' date", async () => {
    const wrong: unknown[] = [];
    let checked = 0;
    const listed = new Map(readCsv(join(corpusDir(), 'convention', 'parties.csv')).map((r) => [r.iso3, r]));
    const codes = [...new Set([...bindings.values()].flat().map((b) => b.party_code))].sort();
    const notParties = readCsv(join(corpusDir(), 'convention', 'not_parties.csv'));
    for (const code of codes) {
      const res = await defaultReport(code);
      const messages = (res.data?.coherenceReport.agreements ?? []).flatMap((a) =>
        a.checks.map((c) => ({ ...c, agreement: a.agreement })),
      );
      for (const f of messages) {
        // truth7: an agreement signed before the Convention entered into force at all (2007-03-18) is known to be
        // signed before it did for the party, its day recorded or not (US - Peru was 'not known' for Peru).
        if (/is not recorded, so which agreements it could shape is not known/.test(f.message)) {
          checked++;
          if (f.agreement.dateSigned !== null && f.agreement.dateSigned < '2007-03-18')
            wrong.push({ code, slug: f.agreement.slug, said: 'not known', signed: f.agreement.dateSigned });
          // findings23: nor where only the year of deposit is known and the agreement was signed before 1 April of it,
          // the earliest the Convention can have entered into force for the party (Saint Kitts and Nevis, 2016, and
          // EU - CARIFORUM, 2008).
          const year = parties.get(code)?.convention_deposit_year;
          if (
            year != null &&
            f.agreement.dateSigned !== null &&
            f.agreement.dateSigned < `${Number(year)}-04-01`
          )
            wrong.push({
              code,
              slug: f.agreement.slug,
              said: 'not known',
              signed: f.agreement.dateSigned,
              year,
            });
        }
        const before = /before the Convention entered into force for .* \((\d{4}-\d{2}-\d{2})\)/.exec(
          f.message,
        );
        if (before) {
          checked++;
          // The list's date, or a hand-checked source's (Mexico), which the party's record names.
          const party = parties.get(code)!;
          const sourced = /Hand-checked source/.test(String(party.convention_source ?? ''))
            ? day(party.convention_in_force as Value)
            : null;
          const expected = listed.get(code)?.entry_into_force || sourced;
          if (expected !== before[1]) wrong.push({ code, said: before[1], source: expected ?? null });
        }
        if (/is not a Party to the Convention/.test(f.message)) {
          checked++;
          const not = notParties.find((r) => r.iso3 === code);
          const sourced = /Hand-checked source/.test(String(parties.get(code)!.convention_source ?? ''));
          if (!sourced && (!not || not.confidence === 'low'))
            wrong.push({ code, said: 'not a Party', list: not ?? null });
        }
      }
    }
    tally('coherence report: Convention dates and status in findings', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('says NOT_MET only on a full text with its dates, and MET only on reviewed evidence, in every coherence report', async () => {
    const coverage = new Map(
      (
        await sql<{ slug: string; coverage: string | null }>(
          'select "slug" as slug, "record_coverage" as coverage from agreement',
        )
      ).map((r) => [r.slug, r.coverage]),
    );
    const signed = new Map(agreements.map((a) => [a.slug, day(a.date_signed)]));
    const partyCodes = [...new Set([...bindings.values()].flat().map((b) => b.party_code))].sort();
    const wrong: unknown[] = [];
    let checked = 0;
    for (const code of partyCodes) {
      const res = await defaultReport(code);
      const notAParty = parties.get(code)?.convention_status_kind === 'NOT_PARTY';
      for (const a of res.data?.coherenceReport.agreements ?? []) {
        const slug = a.agreement.slug;
        for (const c of a.checks) {
          // truth7: nothing the Convention asks of Parties is met or not met by a State that is not one (Japan's
          // agreement with Brunei read NOT_MET on the partners rule, Article 21's).
          if (notAParty) {
            checked++;
            if (c.outcome !== 'NOT_APPLICABLE')
              wrong.push({ code, slug, rule: c.ruleId, outcome: c.outcome, said: 'of a State not a Party' });
            continue;
          }
          if (c.ruleId === 'INFO/partners-not-convention-parties') {
            // Partners named not Parties (as of the sources' date) or of unknown status, against their records.
            const [notParties, unknown] = c.message.split(/Status not known for|status not known for/);
            for (const m of (notParties ?? '').matchAll(/\(([A-Z]{3})\), as of ([\d-]+)/g)) {
              checked++;
              const p = parties.get(m[1])!;
              if (p.convention_status_kind !== 'NOT_PARTY' || String(p.convention_as_of) !== m[2])
                wrong.push({
                  code,
                  slug,
                  partner: m[1],
                  said: `not a Party as of ${m[2]}`,
                  held: [p.convention_status_kind, p.convention_as_of],
                });
            }
            for (const m of (unknown ?? '').matchAll(/\(([A-Z]{3})\)/g)) {
              checked++;
              if (parties.get(m[1])!.convention_status_kind !== 'UNKNOWN')
                wrong.push({
                  code,
                  slug,
                  partner: m[1],
                  said: 'status not known',
                  held: parties.get(m[1])!.convention_status_kind,
                });
            }
            continue;
          }
          if (c.outcome === 'NOT_MET') {
            checked++;
            // An absence is a finding only where the whole text is held and the agreement's date is known.
            if (coverage.get(slug) !== 'FULL_TEXT' || !signed.get(slug))
              wrong.push({
                code,
                slug,
                rule: c.ruleId,
                outcome: c.outcome,
                coverage: coverage.get(slug),
                signed: signed.get(slug),
              });
          }
          if (c.outcome === 'MET') {
            checked++;
            if (c.evidence.some((e) => e.status !== null && e.status !== 'ACCEPTED'))
              wrong.push({
                code,
                slug,
                rule: c.ruleId,
                outcome: c.outcome,
                evidence: c.evidence.map((e) => e.status),
              });
          }
        }
      }
    }
    tally('coherence report: NOT_MET and MET against what the record holds', checked, wrong);
    expect(wrong).toEqual([]);
  });

  /**
   * Developing on the country lists read here (a UN LDC or SIDS, or not high income in the World Bank FY23 list);
   * null where neither list classes it; a bloc is developed as itself.
   */
  const developingOnCountryLists = (): ((code: string) => boolean | null) => {
    const corpus = corpusDir();
    const income = new Map(
      readCsv(join(corpus, 'countries', 'CLASS_FY23_list_of_economies.csv')).map((r) => [
        r.Code,
        r['Income group'].trim(),
      ]),
    );
    const developingOnLists = new Map<string, boolean | null>();
    for (const r of readCsv(join(corpus, 'countries', 'country-codes.csv'))) {
      const code = r['ISO3166-1-Alpha-3'];
      if (!code) continue;
      const listed =
        (r['Least Developed Countries (LDC)'] ?? '').trim() !== '' ||
        (r['Small Island Developing States (SIDS)'] ?? '').trim() !== '';
      const group = income.get(code) ?? '';
      developingOnLists.set(code, listed ? true : group === '' ? null : group !== 'High income');
    }
    return (code) => (parties.get(code)?.kind === 'BLOC' ? false : (developingOnLists.get(code) ?? null));
  };

  it("names, in each 18.2 finding, the developing and developed partners the country lists give, and as granting only the flows' grantors", async () => {
    // truth8: Costa Rica's report (and Guatemala's, Honduras', Nicaragua's, El Salvador's) said the EU - Central America
    // agreement's help for their artisanal goods was "granted by the European Union, Panama": Panama, high income, is
    // one of the Republics of the Central American side, and the flows report (rightly) has the EU alone grant it.
    // Developing on the lists read here (a UN LDC or SIDS, or not high income in the World Bank FY23 list); a bloc is
    // developed as itself; the partners are the agreement's bindings in their own right.
    const developing = developingOnCountryLists();
    const nameOf = (code: string) => String(parties.get(code)!.name);
    const live = new Map(agreements.map((a) => [a.id, a.slug]));
    const partnersOf = new Map<string, { code: string; signatoryOnly: boolean; via: string | null }[]>();
    for (const b of await sql<{
      agreement_id: number;
      party_code: string;
      via: string | null;
      so: number | boolean;
    }>(
      `select "agreement_id" as agreement_id, "party_code" as party_code, "via" as via, "signatory_only" as so
       from agreement_binding`,
    )) {
      const slug = live.get(Number(b.agreement_id));
      if (!slug) continue;
      partnersOf.set(slug, [
        ...(partnersOf.get(slug) ?? []),
        { code: b.party_code, via: b.via, signatoryOnly: Boolean(b.so) },
      ]);
    }
    const flows = await t.gql<{
      preferentialTreatmentFlows: {
        flows: { grantor: { code: string }; beneficiary: { code: string }; agreement: { slug: string } }[];
      };
    }>(
      '{ preferentialTreatmentFlows { flows { grantor { code } beneficiary { code } agreement { slug } } } }',
    );
    const granting = new Set(
      flows.data!.preferentialTreatmentFlows.flows.map(
        (f) => `${f.agreement.slug} ${f.grantor.code} ${f.beneficiary.code}`,
      ),
    );
    // The names a list gives: each expected name once, nothing else but separators, "and N more" for the rest.
    const namesHold = (segment: string, expected: string[]): boolean => {
      const more = / and (\d+) more$/.exec(segment);
      let rest = more ? segment.slice(0, more.index) : segment;
      let named = 0;
      for (const name of [...expected].sort((a, b) => b.length - a.length)) {
        if (!rest.includes(name)) continue;
        rest = rest.replace(name, '');
        named++;
      }
      return rest.replace(/,|\band\b|\s/g, '') === '' && named + Number(more?.[1] ?? 0) === expected.length;
    };
    const wrong: unknown[] = [];
    let checked = 0;
    const partyCodes = [...new Set([...bindings.values()].flat().map((b) => b.party_code))].sort();
    for (const code of partyCodes) {
      const res = await defaultReport(code);
      for (const a of res.data?.coherenceReport.agreements ?? []) {
        const slug = a.agreement.slug;
        const partners = (partnersOf.get(slug) ?? [])
          .filter((b) => b.via === null && !b.signatoryOnly && b.code !== code && b.code !== a.via)
          .map((b) => b.code);
        for (const c of a.checks.filter((x) => x.ruleId === 'G18.2/no-preferential-treatment')) {
          const m = c.message;
          const notMet = /although .*?: (.*) \(on the World Bank/.exec(m);
          const granted = /granted by (?:the )?(.*)\.$/.exec(m);
          if (notMet) {
            checked++;
            const expected = partners.filter((p) => developing(p) === true).map(nameOf);
            if (developing(code) !== false || !namesHold(notMet[1], expected))
              wrong.push({ code, slug, said: notMet[1], developingPartners: expected });
          } else if (/^No developing-country partner/.test(m)) {
            checked++;
            const expected = partners.filter((p) => developing(p) === true);
            if (expected.length) wrong.push({ code, slug, said: 'no developing partner', lists: expected });
          } else if (/is a developing country/.test(m)) {
            checked++;
            if (developing(code) !== true)
              wrong.push({ code, slug, said: 'developing', lists: developing(code) });
            if (granted) {
              const named = partners.filter((p) => granted[1].includes(nameOf(p)));
              for (const p of named) {
                checked++;
                if (developing(p) !== false || !granting.has(`${slug} ${p} ${code}`))
                  wrong.push({
                    code,
                    slug,
                    said: `granted by ${nameOf(p)}`,
                    developedOnLists: developing(p) === false,
                  });
              }
              const flowsSay = partners.filter((p) => granting.has(`${slug} ${p} ${code}`)).map(nameOf);
              if (!namesHold(granted[1], flowsSay))
                wrong.push({ code, slug, said: granted[1], flows: flowsSay });
            }
          }
        }
      }
    }
    tally('coherence report: 18.2 partners, developing and granting', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('says 18.2 cannot be decided where, and only where, the records leave it open: no party of the other side, or a partner that may be developing', async () => {
    // truth21: the UNKNOWN sentences of truth20, each checked against the records (the agreements' parties, their
    // sides and bindings, the bloc memberships) and the country lists read here, not through the report's rules:
    // "records no party of the other side" (none listed), "No partner known to be bound on the report date is a
    // developing country ..., but {names} may be one" (each named one of the other side, bound on the date with no
    // class on the lists, or bound on days not recorded and not classed developed; no developing one bound on the
    // date), and "Whether {party} is a developing country is not recorded" (no class on the lists); and "No
    // developing-country partner" never where one of those holds.
    const developing = developingOnCountryLists();
    const members = new Map<string, Set<string>>();
    for (const m of await sql<{ bloc: string; member: string }>(
      'select "bloc_code" as bloc, "member_code" as member from bloc_membership',
    ))
      members.set(m.bloc, new Set([...(members.get(m.bloc) ?? []), m.member]));
    interface Listed {
      code: string;
      side: string | null;
      bloc: boolean;
      territory: boolean;
      binding: {
        via: string | null;
        applied_from: Value;
        in_force_from: Value;
        until: Value;
        signatory_only: number | boolean;
        suspended_from: Value;
        suspended_until: Value;
      } | null;
    }
    const listedIn = new Map<string, Listed[]>();
    const live = new Map(agreements.map((a) => [a.id, a.slug]));
    for (const r of await sql<{
      agreement_id: number;
      code: string;
      side: string | null;
      kind: string;
      territory_of: string | null;
      via: string | null;
      bound: number | null;
      applied_from: Value;
      in_force_from: Value;
      until: Value;
      signatory_only: number | boolean;
      suspended_from: Value;
      suspended_until: Value;
    }>(
      `select ap."agreement_id" as agreement_id, ap."party_code" as code, ap."side" as side, p."kind" as kind,
              p."territory_of" as territory_of, b."id" as bound, b."via" as via, b."applied_from" as applied_from,
              b."in_force_from" as in_force_from, b."until" as until, b."signatory_only" as signatory_only,
              b."suspended_from" as suspended_from, b."suspended_until" as suspended_until
       from agreement_party ap join party p on p."code" = ap."party_code"
       left join agreement_binding b on b."agreement_id" = ap."agreement_id" and b."party_code" = ap."party_code"`,
    )) {
      const slug = live.get(Number(r.agreement_id));
      if (!slug) continue;
      listedIn.set(slug, [
        ...(listedIn.get(slug) ?? []),
        {
          code: r.code,
          side: r.side,
          bloc: r.kind === 'BLOC',
          territory: r.territory_of !== null,
          binding: r.bound === null ? null : r,
        },
      ]);
    }
    const boundOn = (b: NonNullable<Listed['binding']>, d: string) => {
      const from = day(b.applied_from);
      const until = day(b.until);
      const suspended =
        day(b.suspended_from) !== null &&
        day(b.suspended_from)! <= d &&
        (day(b.suspended_until) === null || day(b.suspended_until)! > d);
      return !b.signatory_only && from !== null && from <= d && (until === null || until > d) && !suspended;
    };
    // Bound at some time, on days the record does not give (no start, or left or ended on no recorded day), and not
    // known to have ended before the date.
    const undatedOn = (b: NonNullable<Listed['binding']>, d: string) => {
      const until = day(b.until);
      return (
        !b.signatory_only &&
        (until === '0001-01-01' ||
          (day(b.applied_from) === null && day(b.in_force_from) === null && (until === null || until > d)))
      );
    };
    const wrong: unknown[] = [];
    let checked = 0;
    const partyCodes = [...new Set([...bindings.values()].flat().map((b) => b.party_code))].sort();
    for (const code of partyCodes) {
      const report = (await defaultReport(code)).data!.coherenceReport;
      const d = report.asOf;
      for (const a of report.agreements) {
        const slug = a.agreement.slug;
        const listed = (listedIn.get(slug) ?? []).filter((p) => !p.territory);
        const own = listed.find((p) => p.code === code) ?? listed.find((p) => p.code === a.via);
        const fellows = new Set([...(members.get(a.via ?? '') ?? []), ...(members.get(code) ?? [])]);
        // The other side: not the party, its bloc or a fellow member, nor (for a party in its own right) a party of
        // its side: both sides recorded and the same, or, with none recorded, two parties that are not the bloc of
        // an agreement of a bloc.
        const ownSide = (p: Listed) =>
          a.via === null &&
          (p.side !== null && own?.side != null
            ? p.side === own.side
            : (p.side === null || own?.side == null) && listed.some((x) => x.bloc) && !p.bloc && !own?.bloc);
        const otherSide = listed.filter(
          (p) => p.code !== code && p.code !== a.via && !fellows.has(p.code) && !ownSide(p),
        );
        const partnersOnDate = otherSide.filter((p) => p.binding?.via === null && boundOn(p.binding, d));
        // A party of the other side that may be a developing partner on the date, as far as the records tell.
        const mayBe = (p: Listed) =>
          p.binding !== null &&
          p.binding.via === null &&
          (boundOn(p.binding, d)
            ? developing(p.code) === null
            : undatedOn(p.binding, d) && developing(p.code) !== false);
        for (const c of a.checks.filter((x) => x.ruleId === 'G18.2/no-preferential-treatment')) {
          const m = c.message;
          if (/^The catalogue records no party of the other side/.test(m)) {
            checked++;
            if (c.outcome !== 'UNKNOWN' || otherSide.length)
              wrong.push({
                code,
                slug,
                said: 'no party of the other side',
                listed: otherSide.map((p) => p.code),
              });
          } else if (/^No partner known to be bound on the report date is a developing country/.test(m)) {
            checked++;
            const named = [...(/, but (.*) may be one/.exec(m)?.[1] ?? '').matchAll(/\(([A-Z]{3})\)/g)].map(
              (x) => x[1],
            );
            const developingOnDate = partnersOnDate
              .filter((p) => developing(p.code) === true)
              .map((p) => p.code);
            const unfounded = named.filter((n) => !otherSide.some((p) => p.code === n && mayBe(p)));
            if (c.outcome !== 'UNKNOWN' || !named.length || unfounded.length || developingOnDate.length)
              wrong.push({ code, slug, said: m, unfounded, developingOnDate });
          } else if (/^No developing-country partner/.test(m)) {
            // Said only where the records leave nothing open: a party of the other side is listed, and none that
            // may be developing is bound on the date unclassed or bound on days not recorded.
            checked++;
            const open = otherSide.filter(mayBe).map((p) => p.code);
            if (!otherSide.length || open.length)
              wrong.push({ code, slug, said: 'no developing partner', otherSide: otherSide.length, open });
          } else if (/^Whether .* is a developing country is not recorded/.test(m)) {
            checked++;
            if (c.outcome !== 'UNKNOWN' || developing(code) !== null)
              wrong.push({ code, slug, said: 'not recorded', lists: developing(code) });
          }
        }
      }
    }
    tally(
      'coherence report: 18.2 cannot be decided (no other side, a partner that may be developing)',
      checked,
      wrong,
    );
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('counts, in each coherence report, the annotations and the paragraph scores its own agreements give', async () => {
    const annotations = await sql<{ slug: string; status: string; scope: string | string[] | null }>(
      `select a."slug" as slug, n."status" as status, n."party_scope" as scope
       from annotation n join provision p on p."id" = n."provision_id" join agreement a on a."id" = p."agreement_id"
       where n."status" in ('ACCEPTED', 'PROPOSED')`,
    );
    const bySlug = new Map<string, { status: string; scope: string[] | null }[]>();
    for (const n of annotations)
      bySlug.set(n.slug, [
        ...(bySlug.get(n.slug) ?? []),
        { status: n.status, scope: json<string[]>(n.scope) },
      ]);
    const partyCodes = [...new Set([...bindings.values()].flat().map((b) => b.party_code))].sort();
    const wrong: unknown[] = [];
    let checked = 0;
    for (const code of partyCodes) {
      const res = await defaultReport(code);
      const report = res.data!.coherenceReport;
      for (const a of report.agreements) {
        // An annotation counts for the party unless it names the parties it covers and neither the party nor
        // its bloc is among them (README, "A carve-out that protects one party only").
        const mine = (bySlug.get(a.agreement.slug) ?? []).filter(
          (n) => !n.scope || n.scope.includes(code) || (a.via !== null && n.scope.includes(a.via)),
        );
        checked++;
        const counted = [
          mine.filter((n) => n.status === 'ACCEPTED').length,
          mine.filter((n) => n.status === 'PROPOSED').length,
        ];
        if (a.acceptedAnnotations !== counted[0] || a.proposedAnnotations !== counted[1])
          wrong.push({
            code,
            slug: a.agreement.slug,
            said: [a.acceptedAnnotations, a.proposedAnnotations],
            annotations: counted,
          });
      }
      for (const score of report.scores) {
        // docs/coherence-rules.md, "Scores and trend": an agreement fails a paragraph when one of its scored
        // rules is NOT_MET, awaits review when one is PENDING_REVIEW, is unknown when one is UNKNOWN, meets it
        // when one is MET; the score is met / assessed (met and failed).
        const outcomes = report.agreements.map((a) => {
          const o = a.checks.filter((c) => score.ruleIds.includes(c.ruleId)).map((c) => c.outcome);
          return ['NOT_MET', 'PENDING_REVIEW', 'UNKNOWN', 'MET'].find((x) => o.includes(x)) ?? null;
        });
        const expected = {
          pending: outcomes.filter((o) => o === 'PENDING_REVIEW').length,
          assessed: outcomes.filter((o) => o === 'MET' || o === 'NOT_MET').length,
          met: outcomes.filter((o) => o === 'MET').length,
        };
        checked++;
        const said = { pending: score.pending, assessed: score.assessed, met: score.met };
        if (JSON.stringify(said) !== JSON.stringify(expected))
          wrong.push({ code, paragraph: score.paragraph, said, expected });
      }
    }
    tally('coherence report: annotation counts and paragraph scores', checked, wrong);
    expect(wrong).toEqual([]);
  });

  it('counts in the trends by year exactly the agreements whose annotations carry each code', async () => {
    const res = await t.gql<{
      trends: {
        groups: {
          key: string;
          agreements: number;
          counts: { code: string; accepted: number; proposed: number }[];
        }[];
      };
    }>('{ trends(groupBy: YEAR) { groups { key agreements counts { code accepted proposed } } } }');
    expect(res.errors).toBeUndefined();
    const rows = await sql<{
      year: string;
      code: string;
      status: string;
      scope: string | null;
      agreement_id: number;
    }>(
      `select substr(a."date_signed", 1, 4) as year, n."code" as code, n."status" as status, n."party_scope" as scope,
              a."id" as agreement_id
       from annotation n join provision p on p."id" = n."provision_id" join agreement a on a."id" = p."agreement_id"
       where a."archived_at" is null and a."date_signed" is not null and n."status" in ('ACCEPTED', 'PROPOSED')`,
    );
    const perYear = await sql<{ year: string; n: number }>(
      `select substr("date_signed", 1, 4) as year, count(*) as n from agreement
       where "archived_at" is null and "date_signed" is not null group by substr("date_signed", 1, 4)`,
    );
    const wrong: unknown[] = [];
    let checked = 0;
    const groups = new Map(res.data!.trends.groups.map((g) => [g.key, g]));
    for (const { year, n } of perYear) {
      checked++;
      const g = groups.get(year);
      if (!g || g.agreements !== Number(n))
        wrong.push({ year, agreements: Number(n), said: g?.agreements ?? null });
      if (!g) continue;
      for (const c of g.counts) {
        const mine = rows.filter((r) => r.year === year && r.code === c.code);
        const accepted = new Set(mine.filter((r) => r.status === 'ACCEPTED').map((r) => r.agreement_id));
        const proposed = new Set(
          mine
            .filter((r) => r.status === 'PROPOSED' && !accepted.has(r.agreement_id))
            .map((r) => r.agreement_id),
        );
        checked++;
        if (c.accepted !== accepted.size || c.proposed !== proposed.size)
          wrong.push({
            year,
            code: c.code,
            said: [c.accepted, c.proposed],
            annotations: [accepted.size, proposed.size],
          });
      }
    }
    tally('trends by year: counts against the annotations', checked, wrong);
    expect(wrong).toEqual([]);
  });
});
