import { toGlobalId } from '../../graphql/node/global-id';
import { Provision } from '../../provisions/provision.entity';
import { diffInTurn } from '../diff/text-comparison.worker';
import { WordDiffResult } from '../dto/similarity.models';
import { DraftCheck, DraftPrecedent } from './draft-check.models';

/** A clause of the catalogue as the JSON answers name it: the API's id, its pinpoint and its agreement. */
export interface DraftProvisionJson {
  id: string;
  pinpoint: string;
  articleNumber: string | null;
  articleTitle: string | null;
  agreement: { slug: string; title: string; shortTitle: string | null; dateSigned: string | null };
}

function provisionJson(p: Provision): DraftProvisionJson {
  const a = p.agreement;
  return {
    id: toGlobalId('Provision', p.id),
    pinpoint: `${a.slug}/${p.key}`,
    articleNumber: p.articleNumber ?? null,
    articleTitle: p.articleTitle ?? null,
    agreement: {
      slug: a.slug,
      title: a.title,
      shortTitle: a.shortTitle ?? null,
      dateSigned: a.dateSigned ?? null,
    },
  };
}

/**
 * The draft checker's answer as plain JSON, for `POST /draft-check` and `check-draft --format json`: the fields
 * of the GraphQL `checkDraft` type, with each precedent's word diff to the draft article (as its `diff` field
 * gives it) and each clause named as above, never the database's rows (ids, timestamps, versions) nor the
 * draft's text again.
 */
export async function draftCheckJson(check: DraftCheck) {
  // Computed in turns (`diffInTurn`): a draft of long articles close to long precedents has many diffs of up to a
  // quarter of a second each, which would otherwise hold every other client together.
  const diffs = new Map<DraftPrecedent, WordDiffResult>();
  for (const article of check.articles)
    for (const p of article.precedents) diffs.set(p, await diffInTurn(p.precedentText, p.draftText));
  return {
    language: check.language,
    codes: check.codes,
    conventionStatusUnknown: check.conventionStatusUnknown,
    gaps: check.gaps.map((gap) => ({
      kind: gap.kind,
      basis: gap.basis,
      rule: gap.rule,
      message: gap.message,
      scope: gap.scope,
      practice: gap.practice,
      leftOut: gap.leftOut,
      precedents: gap.precedents.map((p) => ({
        provision: provisionJson(p.provision),
        annotationStatus: p.annotationStatus,
      })),
    })),
    articles: check.articles.map((article) => ({
      position: article.position,
      location: article.location,
      chapterTitle: article.chapterTitle,
      articleNumber: article.articleNumber,
      articleTitle: article.articleTitle,
      words: article.words,
      annotations: article.annotations,
      precedents: article.precedents.map((p) => ({
        provision: provisionJson(p.provision),
        score: p.score,
        dateSigned: p.dateSigned,
        parties: p.parties,
        sameParties: p.sameParties,
        signatoriesOnly: p.signatoriesOnly,
        family: p.family && {
          template: provisionJson(p.family.template),
          size: p.family.size,
          since: p.family.since,
          complete: p.family.complete,
        },
        diff: diffs.get(p)!,
      })),
    })),
  };
}
