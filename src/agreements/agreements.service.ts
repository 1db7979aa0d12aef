import { checkPartyCodes } from '../parties/party-codes';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { Connection } from '../common/pagination/connection.types';
import { PageRequest } from '../common/pagination/page-query';
import { Agreement } from './agreement.entity';
import { AgreementRepository } from './repository/agreement.repository';
import { AgreementFilter } from './dto/agreement-filter.input';
import { AgreementOrder } from './dto/agreement-order.input';
import { databaseIdOf } from '../graphql/node/global-id';

@Injectable()
export class AgreementsService {
  private readonly repository: AgreementRepository;

  constructor(readonly em: EntityManager) {
    this.repository = new AgreementRepository(em);
  }

  /**
   * The agreement to answer a query with, by slug or by id, as a read-only entity (`readEntities`): of it only
   * `properties` (`agreementProperties`; null: all). Work that changes an agreement reads it in its transaction.
   */
  async read(
    key: { id?: string | null; slug?: string | null },
    properties: readonly string[] | null,
  ): Promise<Agreement> {
    if ((key.id == null) === (key.slug == null))
      throw new BadUserInputError('slug', 'give exactly one of slug and id');
    const id = key.id == null ? undefined : databaseIdOf('Agreement', 'id', key.id);
    const [agreement] =
      id === null
        ? []
        : await this.repository.one(id === undefined ? { slug: key.slug! } : { id }, properties);
    if (!agreement) throw new NotFoundError('Agreement', (key.id ?? key.slug)!);
    return agreement;
  }

  /** Rejects party codes that are not in the catalogue, naming them. */
  async checkFilter(filter: AgreementFilter | null | undefined, path = 'filter'): Promise<void> {
    if (filter?.parties?.length) await checkPartyCodes(this.em, `${path}.parties`, filter.parties);
  }

  /** A page of agreements; of each, `properties` (`agreementProperties`; null: all). */
  async list(
    filter: AgreementFilter | null | undefined,
    order: AgreementOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
  ): Promise<Connection<Agreement>> {
    await this.checkFilter(filter);
    return this.repository.list(filter, order, page, properties);
  }

  /**
   * The same page of agreements for each party (directly or through its blocs), in one statement; of each,
   * `properties` (null: all).
   */
  agreementsOfParties(
    codes: readonly string[],
    filter: AgreementFilter | null | undefined,
    order: AgreementOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
  ): Promise<Connection<Agreement>[]> {
    return this.repository.pagesOfParties(codes, filter, order, page, properties);
  }
}
