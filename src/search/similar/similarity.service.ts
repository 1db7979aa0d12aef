import { EntityManager } from '@mikro-orm/knex';
import { Inject, Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors';
import { pageSize } from '../../common/pagination/keyset';
import { inList } from '../../common/sql';
import { Agreement } from '../../agreements/agreement.entity';
import { Provision } from '../../provisions/provision.entity';
import { selectEntities } from '../../common/row-mapper';
import { ProvisionsService } from '../../provisions/provisions.service';
import { diffStats, wordDiff } from '../diff';
import {
  DiffKindEnum,
  LineageMember,
  ProvisionComparison,
  ProvisionLineage,
  SimilarProvision,
} from '../dto/similarity.models';
import { bandKeys, estimateJaccard, shingles } from '../similarity';
import {
  bandKeyNumber,
  comparisonText,
  SHINGLE_WORDS,
  signatureFromBytes,
} from '../sync/provision-index-rows';
import { orderLineage } from './lineage-order';
import { SIMILARITY_INDEX, SimilarityIndex } from './similarity-index';
import { sortedJaccard } from './sorted-jaccard';

export const DEFAULT_MIN_SCORE = 0.5;
/** Candidates whose MinHash estimate is this far under minScore are dropped before the exact check (4.5 sd). */
const ESTIMATE_MARGIN = 0.2;
export const LINEAGE_MAX_MEMBERS = 50;
export const LINEAGE_MAX_DEPTH = 4;

const IDS_PER_STATEMENT = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_STATEMENT)
    result.push(items.slice(i, i + IDS_PER_STATEMENT));
  return result;
}

interface Scored {
  id: number;
  score: number;
}

/** Shingles of provision texts, loaded in batches and kept for one request. */
class ShingleCache {
  private readonly byId = new Map<number, Uint32Array>();

  constructor(private readonly em: EntityManager) {}

  async load(ids: readonly number[]): Promise<void> {
    const missing = ids.filter((id) => !this.byId.has(id));
    for (const chunk of chunks(missing)) {
      const list = inList(chunk);
      const rows = await this.em.execute<{ id: number; text: string | null; summary: string | null }[]>(
        `select "id", "text", "summary" from "provision" where "id" in ${list.sql}`,
        list.params,
      );
      for (const row of rows) this.byId.set(Number(row.id), shingles(comparisonText(row), SHINGLE_WORDS));
    }
  }

  get(id: number): Uint32Array {
    return this.byId.get(id) ?? new Uint32Array(0);
  }
}

@Injectable()
export class SimilarityService {
  constructor(
    private readonly em: EntityManager,
    private readonly provisions: ProvisionsService,
    @Inject(SIMILARITY_INDEX) private readonly index: SimilarityIndex,
  ) {}

  async similar(id: string, minScore: number, first: number | null | undefined): Promise<SimilarProvision[]> {
    checkMinScore(minScore);
    const limit = pageSize(first);
    const provision = await this.provisions.get({ id });
    const found = (await this.similarIds(provision.id, minScore, new ShingleCache(this.em))).slice(0, limit);
    const byId = await this.load(found.map((hit) => hit.id));
    return found.map((hit) => ({ provision: byId.get(hit.id)!, score: hit.score }));
  }

  /**
   * The family: provisions similar to this one, then those similar to them, breadth first, at most
   * LINEAGE_MAX_MEMBERS members and LINEAGE_MAX_DEPTH steps away.
   */
  async lineage(id: string, minScore: number): Promise<ProvisionLineage> {
    checkMinScore(minScore);
    const provision = await this.provisions.get({ id });
    const cache = new ShingleCache(this.em);
    const comparable = (await this.signatures([provision.id])).has(provision.id);
    const depth = new Map<number, number>([[provision.id, 0]]);
    const queue = [provision.id];
    let truncated = false;
    while (comparable && queue.length) {
      const current = queue.shift()!;
      for (const hit of await this.similarIds(current, minScore, cache)) {
        if (depth.has(hit.id)) continue;
        if (depth.size >= LINEAGE_MAX_MEMBERS || depth.get(current)! >= LINEAGE_MAX_DEPTH) {
          truncated = true;
          continue;
        }
        depth.set(hit.id, depth.get(current)! + 1);
        queue.push(hit.id);
      }
    }
    const ids = [...depth.keys()];
    await cache.load(ids);
    const byId = await this.load(ids);
    const links = orderLineage(
      ids.map((memberId) => {
        const member = byId.get(memberId)!;
        return {
          id: memberId,
          dateSigned: member.agreement.dateSigned,
          agreementId: member.agreement.id,
          position: member.position,
          shingles: cache.get(memberId),
        };
      }),
    );
    const members: LineageMember[] = links.map((link) => ({
      provision: byId.get(link.id)!,
      source: link.sourceId === null ? null : byId.get(link.sourceId)!,
      score: link.score,
      templateScore: link.templateScore,
    }));
    return { provision, template: members[0].provision, members, truncated, comparable };
  }

  async compare(a: string, b: string): Promise<ProvisionComparison> {
    const [first, second] = [await this.provisions.get({ id: a }), await this.provisions.get({ id: b })];
    const [textA, textB] = [comparisonText(first), comparisonText(second)];
    const segments = wordDiff(textA, textB).map((s) => ({ kind: s.kind as DiffKindEnum, text: s.text }));
    return {
      a: first,
      b: second,
      segments,
      stats: diffStats(segments),
      score: sortedJaccard(shingles(textA, SHINGLE_WORDS), shingles(textB, SHINGLE_WORDS)),
    };
  }

  /** LSH candidates, pruned by their MinHash estimate, then scored exactly; best first. */
  private async similarIds(id: number, minScore: number, cache: ShingleCache): Promise<Scored[]> {
    const seed = (await this.signatures([id])).get(id);
    if (!seed) return [];
    const candidates = (await this.index.candidates(bandKeys(seed).map(bandKeyNumber))).filter(
      (c) => c !== id,
    );
    const signatures = await this.signatures(candidates);
    const likely = candidates.filter((c) => {
      const signature = signatures.get(c);
      return signature && estimateJaccard(seed, signature) >= minScore - ESTIMATE_MARGIN;
    });
    await cache.load([id, ...likely]);
    const own = cache.get(id);
    return likely
      .map((c) => ({ id: c, score: sortedJaccard(own, cache.get(c)) }))
      .filter((hit) => hit.score >= minScore)
      .sort((x, y) => y.score - x.score || x.id - y.id);
  }

  private async signatures(ids: readonly number[]): Promise<Map<number, Uint32Array>> {
    const result = new Map<number, Uint32Array>();
    for (const chunk of chunks(ids)) {
      const list = inList(chunk);
      const rows = await this.em.execute<{ provision_id: number; signature: Uint8Array }[]>(
        `select "provision_id", "signature" from "provision_signature" where "provision_id" in ${list.sql}`,
        list.params,
      );
      for (const row of rows) result.set(Number(row.provision_id), signatureFromBytes(row.signature));
    }
    return result;
  }

  private async load(ids: number[]): Promise<Map<number, Provision>> {
    if (!ids.length) return new Map();
    const list = inList(ids);
    const provisions = await selectEntities(this.em, Provision, `"id" in ${list.sql}`, list.params);
    const agreementIds = inList([...new Set(provisions.map((p) => p.agreement.id))]);
    const agreements = new Map(
      (await selectEntities(this.em, Agreement, `"id" in ${agreementIds.sql}`, agreementIds.params)).map(
        (a) => [a.id, a],
      ),
    );
    for (const p of provisions) p.agreement = agreements.get(p.agreement.id) ?? p.agreement;
    return new Map(provisions.map((p) => [p.id, p]));
  }
}

function checkMinScore(minScore: number): void {
  if (!(minScore > 0 && minScore <= 1)) {
    throw new BadUserInputError('minScore', `must be more than 0 and at most 1 (got ${minScore})`);
  }
}
