import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { checkDate, today } from '../common/report-args';
import { loadCoherenceInput } from './coherence-data.loader';
import { computeCoherence } from './coherence-compute';
import { CoherenceResult } from './coherence.types';

export interface CoherenceArgs {
  party: string;
  asOf?: string | null;
  includeProposed?: boolean | null;
}

/** coherenceReport: six statements for the party's agreements, then the rules in memory. */
@Injectable()
export class CoherenceReportService {
  constructor(private readonly em: EntityManager) {}

  async compute(args: CoherenceArgs): Promise<CoherenceResult> {
    const code = args.party.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(code))
      throw new BadUserInputError('party', `"${args.party}" is not a party code such as CAN or EUN`);
    const asOf = args.asOf ? checkDate('asOf', args.asOf) : today();
    const input = await loadCoherenceInput(this.em, code, asOf, args.includeProposed ?? false);
    if (!input) throw new NotFoundError('Party', code);
    return computeCoherence(input);
  }
}
