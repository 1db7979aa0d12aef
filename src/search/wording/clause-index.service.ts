import { EntityManager } from '@mikro-orm/knex';
import { giveUpHeavyTurn } from '../../common/heavy-work.gate';
import { runOutsideBudget } from '../../common/request-budget';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { catalogueStamp, clauseSourcesAfter } from '../repository/clause-index.repository';
import { ClauseIndex, ClauseText } from './clause-index';

const ROWS_PER_STATEMENT = 500;

/** A catalogue whose index builds within this time is rebuilt before answering; a larger one answers from the
 * index it has while the new one builds (a rebuild of the whole corpus takes longer than a request may). */
const SYNC_BUILD_LIMIT_MS = 1000;
/** A catalogue of at most this many provisions is indexed in well under a second on a quiet machine: it is always
 * rebuilt before answering (a loaded machine's slow build must not leave an edit out of the answers), and `ready`
 * waits for it. */
const SMALL_CATALOGUE = 5000;
/** How often a running server looks for changes made by another process (an import from the command line). */
export const WATCH_INTERVAL_MS = 30_000;

/**
 * Holds the in-memory clause index of the catalogue (see ClauseIndex) and rebuilds it when the catalogue has
 * changed: before each use it reads a stamp (the number of provisions, the last provision id and the last
 * audit event id of a provision or an agreement, which every provision mutation writes; annotation reviews
 * leave it alone), about a millisecond. A different stamp rebuilds the index from the provision table: before
 * answering when the catalogue is small (SMALL_CATALOGUE; the fixtures: under 0.1 s) or the last build was quick,
 * in the background otherwise (the whole 41,000-article corpus: about 8 s idle), answering meanwhile from the
 * previous index. A running server also
 * checks the stamp every WATCH_INTERVAL_MS, so that an import from the command line is indexed before anyone
 * asks. Concurrent requests share one build.
 */
@Injectable()
export class ClauseIndexService implements OnModuleDestroy {
  private readonly logger = new Logger(ClauseIndexService.name);
  private current: { stamp: string; index: ClauseIndex } | null = null;
  private building: { stamp: string; promise: Promise<ClauseIndex> } | null = null;
  private lastBuildMs = 0;
  private watcher: NodeJS.Timeout | null = null;

  constructor(private readonly em: EntityManager) {}

  /** Starts building the index in the background and keeps it up to date (the server calls it once listening). */
  watch(intervalMs = WATCH_INTERVAL_MS): void {
    this.warm();
    this.watcher ??= setInterval(() => this.warm(), intervalMs).unref();
  }

  onModuleDestroy(): void {
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = null;
  }

  private warm(): void {
    this.get().catch((error: unknown) => this.logger.error(`clause index: ${(error as Error).message}`));
  }

  /**
   * Whether the index can answer without making the caller wait long: true once the first build is done (later
   * rebuilds of a large catalogue answer from the previous index meanwhile, see get) or, for a small catalogue
   * (SMALL_CATALOGUE provisions), once it is built; else starts the build if none runs and waits at most `waitMs`
   * for it, leaving it to go on in the background. The explorer's provision page asks it so that a visitor of a
   * freshly started server is not held for the first build of a large catalogue (tens of seconds under load).
   */
  async ready(waitMs: number): Promise<boolean> {
    if (this.current) return true;
    const { provisions } = await catalogueStamp(this.em);
    const build = runOutsideBudget(() => this.get());
    if (provisions <= SMALL_CATALOGUE) return build.then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const built = build.then(
      () => true,
      () => false,
    );
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    try {
      return await Promise.race([built, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async get(): Promise<ClauseIndex> {
    const { stamp, provisions } = await this.stamp();
    if (this.current?.stamp === stamp) return this.current.index;
    const pending = this.building?.stamp === stamp ? this.building.promise : this.rebuild(stamp);
    if (this.current && provisions > SMALL_CATALOGUE && this.lastBuildMs > SYNC_BUILD_LIMIT_MS)
      return this.current.index;
    giveUpHeavyTurn();
    return pending;
  }

  private rebuild(stamp: string): Promise<ClauseIndex> {
    const started = Date.now();
    // Other requests wait for the same build: it must not stop when the request that started it runs out of time.
    const promise = runOutsideBudget(() => this.build()).then((index) => {
      this.lastBuildMs = Date.now() - started;
      this.current = { stamp, index };
      if (this.building?.promise === promise) this.building = null;
      return index;
    });
    promise.catch(() => {
      if (this.building?.promise === promise) this.building = null;
    });
    this.building = { stamp, promise };
    return promise;
  }

  /**
   * The provisions' comparable texts, ROWS_PER_STATEMENT at a time: SQLite has one connection, so a build's
   * statements stay short enough for the requests' statements to run between them.
   */
  private async *texts(): AsyncGenerator<ClauseText> {
    let after = 0;
    for (;;) {
      const rows = await clauseSourcesAfter(this.em, after, ROWS_PER_STATEMENT);
      for (const row of rows)
        yield {
          id: Number(row.id),
          agreementId: Number(row.agreement_id),
          text: row.text || row.summary || '',
          dateSigned: row.date_signed ? String(row.date_signed) : null,
        };
      if (rows.length < ROWS_PER_STATEMENT) return;
      after = Number(rows[rows.length - 1].id);
    }
  }

  private async stamp(): Promise<{ stamp: string; provisions: number }> {
    const stamp = await catalogueStamp(this.em);
    return {
      stamp: `${stamp.provisions}:${stamp.lastProvision}:${stamp.lastEvent}`,
      provisions: stamp.provisions,
    };
  }

  private async build(): Promise<ClauseIndex> {
    const started = Date.now();
    const index = await ClauseIndex.buildInSlices(this.texts());
    this.logger.log(`clause index: ${index.size} comparable provisions in ${Date.now() - started} ms`);
    return index;
  }
}
