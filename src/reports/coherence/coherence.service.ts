import { EntityManager } from '@mikro-orm/knex';
import { inputRefusal, notFoundRefusal } from '../../common/refusal-texts';
import { Injectable } from '@nestjs/common';
import { BoundedCache } from '../../common/bounded-cache';
import { shown } from '../../common/errors';
import { checkAsOf, today } from '../common/report-args';
import { reportDataStamp } from '../repository/report-stamp';
import { loadCoherenceInput } from './coherence-data.loader';
import { computeCoherence } from './coherence-compute';
import { CoherenceResult } from './coherence.types';

export interface CoherenceArgs {
  party: string;
  asOf?: string | null;
  includeProposed?: boolean | null;
}

/** Reports kept (one per party, date and includeProposed), the least recently used dropped first. */
const CACHE_ENTRIES = 64;
/** The longest a report is kept, for the changes the data stamp cannot see (report-stamp.ts). */
export const COHERENCE_CACHE_MAX_AGE_MS = 5 * 60_000;

interface Cached {
  stamp: string;
  at: number;
  result: CoherenceResult;
}

/** Frozen, so that no reader of a kept report can change what the next one gets. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * coherenceReport: six statements for the party's agreements, then the rules in memory. The report is kept
 * while the data it reads is unchanged (the data stamp, one statement, is read before each use; the EU's report,
 * ~300 checks, costs tens of milliseconds to compute and one to check); never inside a transaction, whose
 * uncommitted writes other readers must not see.
 */
@Injectable()
export class CoherenceReportService {
  private readonly cache = new BoundedCache<string, Cached>(CACHE_ENTRIES);

  constructor(private readonly em: EntityManager) {}

  async compute(args: CoherenceArgs): Promise<CoherenceResult> {
    return (await this.computeKept(args)).result;
  }

  /**
   * The report, and whether it was kept from an earlier computation (a party's page computes the report its files
   * then serve: such a file is charged as a page, `REPORT_PAGE_COST`, not as a report).
   */
  async computeKept(args: CoherenceArgs): Promise<{ result: CoherenceResult; kept: boolean }> {
    const code = args.party.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code)) throw inputRefusal('party', 'notPartyCode', { value: shown(args.party) });
    const asOf = args.asOf ? checkAsOf('asOf', args.asOf) : today();
    const includeProposed = args.includeProposed ?? false;
    const cacheable = !this.em.isInTransaction();
    const key = `${code}|${asOf}|${includeProposed}`;
    const stamp = cacheable ? await reportDataStamp(this.em) : '';
    const kept = this.cache.get(key);
    if (cacheable && kept?.stamp === stamp && Date.now() - kept.at < COHERENCE_CACHE_MAX_AGE_MS)
      return { result: kept.result, kept: true };
    const input = await loadCoherenceInput(this.em, code, asOf, includeProposed);
    if (!input) throw notFoundRefusal('Party', code, 'partyNotFound');
    const result = computeCoherence(input);
    if (!cacheable) return { result, kept: false };
    this.cache.set(key, { stamp, at: Date.now(), result: deepFreeze(result) });
    return { result, kept: false };
  }
}
