import { EntityManager } from '@mikro-orm/knex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FIXTURES_DIR } from '../common/paths';
import { TaxonomyCodeId } from './taxonomy-code.enum';
import { TaxonomyCode } from './taxonomy-code.entity';

const taxonomyFixtureSchema = z.array(
  z.object({
    code: z.enum(TaxonomyCodeId),
    group: z.string().min(1),
    name: z.string().min(1),
    description: z.string().min(1),
    guidelineParagraphs: z.array(z.string()),
    conventionArticles: z.array(z.string()),
    detailValues: z.array(z.string()),
    borderlineRules: z.array(z.string()),
  }),
);

export type TaxonomyFixture = z.infer<typeof taxonomyFixtureSchema>[number];

export function readTaxonomyFixtures(file = join(FIXTURES_DIR, 'taxonomy.json')): TaxonomyFixture[] {
  const parsed = taxonomyFixtureSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Inserts or updates every taxonomy code (the spec may gain codes; codes are never renamed). */
export async function loadTaxonomyFixtures(
  em: EntityManager,
  fixtures = readTaxonomyFixtures(),
): Promise<number> {
  const existing = new Map((await em.find(TaxonomyCode, {})).map((c) => [c.code, c]));
  fixtures.forEach((f, position) => {
    const code = existing.get(f.code) ?? em.create(TaxonomyCode, { ...f, position });
    em.assign(code, { ...f, position });
  });
  await em.flush();
  return fixtures.length;
}
