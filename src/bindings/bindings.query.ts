import { EntityManager } from '@mikro-orm/knex';

/** The codes of every party an agreement binds at some time, directly or through a bloc. */
export async function partiesBoundBy(em: EntityManager, agreementId: number): Promise<string[]> {
  const rows = await em
    .getConnection()
    .execute<{ party_code: string }[]>(
      `select "party_code" from agreement_binding where "agreement_id" = ?`,
      [agreementId],
      'all',
      em.getTransactionContext(),
    );
  return rows.map((r) => r.party_code);
}
