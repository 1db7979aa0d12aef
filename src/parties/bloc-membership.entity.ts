import { Entity, ManyToOne, PrimaryKey, Property, Unique, Rel } from '@mikro-orm/core';
import { Party } from './party.entity';

/** A country's membership of a bloc, with its dates. */
@Entity({ tableName: 'bloc_membership' })
@Unique({ properties: ['bloc', 'member'] })
export class BlocMembership {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Party, { deleteRule: 'cascade' })
  bloc!: Rel<Party>;

  @ManyToOne(() => Party, { deleteRule: 'cascade' })
  member!: Rel<Party>;

  @Property({ type: 'string', length: 10, nullable: true })
  dateJoined: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  dateLeft: string | null = null;

  /** After leaving, the bloc's agreements still bind the member until this date (a transition period). */
  @Property({ type: 'string', length: 10, nullable: true })
  dateBoundUntil: string | null = null;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
