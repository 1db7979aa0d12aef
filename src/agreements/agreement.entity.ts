import {
  Collection,
  Entity,
  Enum,
  Index,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
  types,
} from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Node } from '../graphql/node/node.interface';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { TimestampedEntity, TimestampedOptional } from '../common/base.entity';
import { LocalDate } from '../graphql/scalars';
import { AgreementKind, AgreementStatus, ConcludedBy, RecordCoverage, RecordPart } from './agreement.enums';
import { AgreementParty } from './agreement-party.entity';
import { AgreementTypeTag } from './agreement-type-tag.entity';
import { AgreementSource, AgreementExternalIds } from './agreement-source.model';
import { Provision } from '../provisions/provision.entity';

@ObjectType({
  description: 'A trade agreement (or protocol, or cultural cooperation agreement)',
  implements: () => [Node],
})
@Entity({ tableName: 'agreement' })
export class Agreement extends TimestampedEntity {
  [OptionalProps]?:
    | TimestampedOptional
    | 'sources'
    | 'factSources'
    | 'origin'
    | 'externalIds'
    | 'language'
    | 'composition'
    | 'regions'
    | 'sourceMeta'
    | 'archivedAt'
    | 'archiveReason'
    | 'pendingImportId'
    | 'recordCoverage'
    | 'recordParts'
    | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Stable identifier used in URLs and pinpoints, e.g. eu-korea-fta' })
  @Unique()
  @Property({ type: 'string', length: 120 })
  slug!: string;

  @Field()
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  shortTitle: string | null = null;

  @Field(() => AgreementKind)
  @Enum({ items: () => AgreementKind })
  kind!: AgreementKind;

  @Field(() => AgreementStatus)
  @Index()
  @Enum({ items: () => AgreementStatus })
  status!: AgreementStatus;

  @Field(() => LocalDate, { nullable: true })
  @Index()
  @Property({ type: 'string', length: 10, nullable: true })
  dateSigned: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  dateProvisionallyApplied: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  dateInForce: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  dateTerminated: string | null = null;

  @Field(() => ConcludedBy, {
    nullable: true,
    description:
      "Who concluded it on a bloc's side: BLOC_ONLY or MIXED (the bloc and its member states); null when no source says (factSources.concludedBy names the source)",
  })
  @Enum({ items: () => ConcludedBy, nullable: true })
  concludedBy: ConcludedBy | null = null;

  @Index()
  @Property({ type: 'string', length: 32, nullable: true })
  wtoRtaId: string | null = null;

  @Index()
  @Property({ type: 'string', length: 32, nullable: true })
  totaId: string | null = null;

  @Index()
  @Property({ type: 'string', length: 32, nullable: true })
  destaNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'Language of the text we hold (ISO 639-1)' })
  @Property({ type: 'string', length: 8, nullable: true })
  language: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Composition as the source dataset gives it, e.g. "Bilateral; One Party is an RTA"',
  })
  @Property({ type: 'string', nullable: true })
  composition: string | null = null;

  @Field(() => [String], { description: 'Regions as the source dataset gives them' })
  @Property({ type: 'json' })
  regions: string[] = [];

  /** Other facts of the source dataset that have no field of their own (e.g. ToTA's notification). */
  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'Other facts of the source dataset, as given',
  })
  @Property({ type: 'json', nullable: true })
  sourceMeta: Record<string, unknown> | null = null;

  @Field(() => [AgreementSource])
  @Property({ type: 'json' })
  sources: AgreementSource[] = [];

  @Property({ type: 'json', nullable: true })
  factSources: Record<string, string> | null = null;

  @Enum({ items: () => RecordCoverage, nullable: true })
  recordCoverage: RecordCoverage | null = null;

  @Property({ type: 'json', nullable: true })
  recordParts: RecordPart[] | null = null;

  /** Where the record came from: `fixtures`, `tota`, `json`, `text`, `api`. */
  @Field({ description: 'Where the record came from: fixtures, tota, json, text or api' })
  @Property({ type: 'string', length: 16 })
  origin: string = 'api';

  @Field(() => Date, {
    nullable: true,
    description: 'Set when an editor archived the record; archived agreements are left out of lists',
  })
  @Property({ type: types.datetime, nullable: true })
  archivedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  archiveReason: string | null = null;

  /**
   * The `import json` still writing this agreement (`pending_import`): invisible to every reader until that
   * import's last transaction clears it (`agreement-visibility.ts`). Not in the API.
   */
  @Index()
  @Property({ type: 'integer', nullable: true })
  pendingImportId: number | null = null;

  @Field(() => Int, { description: 'Optimistic-locking version: send it back with an update' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany(() => AgreementParty, (p) => p.agreement)
  parties = new Collection<AgreementParty>(this);

  @OneToMany(() => AgreementTypeTag, (t) => t.agreement)
  typeTags = new Collection<AgreementTypeTag>(this);

  @OneToMany(() => Provision, (p) => p.agreement)
  provisions = new Collection<Provision>(this);

  get externalIds(): AgreementExternalIds {
    return { wtoRtaId: this.wtoRtaId, totaId: this.totaId, destaNumber: this.destaNumber };
  }
}
