import { EntityManager } from '@mikro-orm/knex';
import { OF_VISIBLE_AGREEMENT, VISIBLE_AGREEMENT } from '../agreements/repository/agreement-visibility';
import { Injectable } from '@nestjs/common';
import { AgreementsService } from '../agreements/agreements.service';
import { BadUserInputError, NotFoundError } from '../common/errors';
import { Connection } from '../common/pagination/connection.types';
import { PageRequest } from '../common/pagination/page-query';
import { ProvisionFilter } from './dto/provision-filter.input';
import { ProvisionOrder } from './dto/provision-order.input';
import { splitPinpoint } from './pinpoint';
import { Provision } from './provision.entity';
import { ProvisionRepository } from './repository/provision.repository';
import { databaseIdOf } from '../graphql/node/global-id';

@Injectable()
export class ProvisionsService {
  private readonly repository: ProvisionRepository;

  constructor(
    readonly em: EntityManager,
    private readonly agreements: AgreementsService,
  ) {
    this.repository = new ProvisionRepository(em);
  }

  /** By id, or by pinpoint `<agreement slug>/<provision key>` (give exactly one). */
  async get(key: { id?: string | null; pinpoint?: string | null }): Promise<Provision> {
    if ((key.id == null) === (key.pinpoint == null)) {
      throw new BadUserInputError('pinpoint', 'give exactly one of pinpoint and id');
    }
    if (key.id != null) {
      const id = databaseIdOf('Provision', 'id', key.id);
      const provision =
        id === null ? null : await this.em.findOne(Provision, { id, ...OF_VISIBLE_AGREEMENT.Provision });
      if (!provision) throw new NotFoundError('Provision', key.id);
      return provision;
    }
    const { slug, key: provisionKey } = splitPinpoint(key.pinpoint!, 'pinpoint');
    const provision = await this.em.findOne(Provision, {
      agreement: { slug, ...VISIBLE_AGREEMENT },
      key: provisionKey,
    });
    if (!provision) throw new NotFoundError('Provision', key.pinpoint!);
    return provision;
  }

  /**
   * A page of provisions; of each, `properties` (`propertiesFor`; null: all) and its agreement's slug, with
   * `ofAgreement` of the agreement too (null: the slug only).
   */
  async list(
    filter: ProvisionFilter | null | undefined,
    order: ProvisionOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
    ofAgreement: readonly string[] | null = null,
  ): Promise<Connection<Provision>> {
    await this.agreements.checkFilter(filter?.agreement, 'filter.agreement');
    return this.repository.list(filter, order, page, properties, ofAgreement);
  }

  /** The same page of provisions for each agreement, in one statement; of each, `properties` (null: all). */
  provisionsOfAgreements(
    agreementIds: readonly number[],
    filter: ProvisionFilter | null | undefined,
    order: ProvisionOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
  ): Promise<Connection<Provision>[]> {
    return this.repository.pagesOfAgreements(agreementIds, filter, order, page, properties);
  }
}
