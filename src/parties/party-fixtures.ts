import { EntityManager } from '@mikro-orm/knex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isoDate } from '../agreements/agreement-record.schema';
import { FIXTURES_DIR } from '../common/paths';
import { BlocMembership } from './bloc-membership.entity';
import {
  ConventionConfidence,
  ConventionInstrument,
  ConventionStatusKind,
  IncomeGroup,
  PartyKind,
} from './party.enums';
import { Party } from './party.entity';

const partyFixtureSchema = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1),
  kind: z.enum(PartyKind),
  m49: z.string().nullable(),
  region: z.string().nullable(),
  subRegion: z.string().nullable(),
  intermediateRegion: z.string().nullable(),
  ldc: z.boolean(),
  lldc: z.boolean(),
  sids: z.boolean(),
  incomeGroup: z.enum(IncomeGroup).nullable(),
  developing: z.boolean().nullable(),
  territoryOf: z.string().nullable().optional(),
  unNames: z.object({ fr: z.array(z.string().min(1)), es: z.array(z.string().min(1)) }).optional(),
  convention: z.object({
    status: z.enum(ConventionStatusKind),
    instrumentType: z.enum(ConventionInstrument).nullable(),
    dateDeposited: isoDate.nullable(),
    dateInForce: isoDate.nullable(),
    depositYear: z.number().int().min(2005).max(2100).nullable().optional(),
    asOf: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
      .nullable(),
    confidence: z.enum(ConventionConfidence).nullable(),
    source: z.string().nullable(),
  }),
  members: z
    .array(
      z.object({
        code: z.string(),
        dateJoined: isoDate.nullable(),
        dateLeft: isoDate.nullable(),
        dateBoundUntil: isoDate.nullable().optional(),
        note: z.string().nullable(),
      }),
    )
    .optional(),
  sources: z.record(z.string(), z.string()).optional(),
});

export type PartyFixture = z.infer<typeof partyFixtureSchema>;

export function readPartyFixtures(file = join(FIXTURES_DIR, 'parties.json')): PartyFixture[] {
  const parsed = z.array(partyFixtureSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Writes the parties and bloc memberships (into an empty party table). */
export async function loadPartyFixtures(em: EntityManager, fixtures = readPartyFixtures()): Promise<number> {
  for (const f of fixtures) {
    em.create(Party, {
      code: f.code,
      name: f.name,
      kind: f.kind,
      m49: f.m49,
      region: f.region,
      subRegion: f.subRegion,
      intermediateRegion: f.intermediateRegion,
      ldc: f.ldc,
      lldc: f.lldc,
      sids: f.sids,
      incomeGroup: f.incomeGroup,
      developing: f.developing,
      territoryOf: f.territoryOf ?? null,
      conventionStatusKind: f.convention.status,
      conventionInstrument: f.convention.instrumentType,
      conventionDeposited: f.convention.dateDeposited,
      conventionInForce: f.convention.dateInForce,
      conventionDepositYear: f.convention.depositYear ?? null,
      conventionAsOf: f.convention.asOf,
      conventionConfidence: f.convention.confidence,
      conventionSource: f.convention.source,
      factSources: f.sources ?? null,
    });
  }
  await em.flush();
  for (const bloc of fixtures.filter((f) => f.members?.length)) {
    for (const m of bloc.members!) {
      em.create(BlocMembership, {
        bloc: em.getReference(Party, bloc.code),
        member: em.getReference(Party, m.code),
        dateJoined: m.dateJoined,
        dateLeft: m.dateLeft,
        dateBoundUntil: m.dateBoundUntil ?? null,
        note: m.note,
      });
    }
  }
  await em.flush();
  return fixtures.length;
}
