import { languageVersionsOf } from '../ingest/tota-versions';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Agreement } from '../agreements/agreement.entity';
import { Provision } from '../provisions/provision.entity';
import { RuleAnnotationService } from './rule-annotation.service';
import { AnnotationStatus } from './annotation.enums';
import { Annotation } from './annotation.entity';
import { parseDevAgreements, parseDevLabels } from './evaluation/dev-labels';
import { evaluate, EvaluationResult, Prediction, UniverseAgreement } from './evaluation/evaluate';

/**
 * Scores annotations against a hand-labelled set in the format of the corpus labels (article level, per code
 * and micro-averaged): by default what the rules propose on the catalogue's texts (the annotator's accuracy,
 * whatever people have since annotated); with `stored`, the catalogue's annotations that are not REJECTED.
 */
@Injectable()
export class AnnotationEvaluationService {
  constructor(
    private readonly orm: MikroORM,
    private readonly rules: RuleAnnotationService,
  ) {}

  async evaluateFiles(
    labelsCsv: string,
    agreementsCsv: string,
    options: { stored?: boolean } = {},
  ): Promise<EvaluationResult> {
    const labels = parseDevLabels(readFileSync(labelsCsv, 'utf8'));
    const treatyIds = parseDevAgreements(readFileSync(agreementsCsv, 'utf8'))
      .filter((a) => a.labelledCompletely)
      .map((a) => a.treatyIdentifier);
    const em = this.orm.em.fork() as EntityManager;
    const agreements = await em.find(Agreement, { totaId: { $in: treatyIds } });
    const missing = treatyIds.filter((id) => !agreements.some((a) => a.totaId === id));
    if (missing.length) {
      throw new Error(
        `ToTA treaties ${missing.join(', ')} are not in the catalogue: import them first (import tota)`,
      );
    }
    const universe: UniverseAgreement[] = [];
    const predictions: Prediction[] = [];
    for (const agreement of agreements) {
      // Labels are per ToTA file: an agreement held in several languages is judged on its labelled file's text.
      const provisions = await em.find(
        Provision,
        {
          agreement,
          externalId: { $ne: null },
          ...(languageVersionsOf(agreement.sourceMeta).length > 1 && agreement.language
            ? { language: agreement.language }
            : {}),
        },
        { fields: ['id', 'externalId', 'location'] },
      );
      universe.push({
        treatyIdentifier: agreement.totaId!,
        articleIdentifiers: provisions.map((p) => p.externalId!),
      });
      const byId = new Map(provisions.map((p) => [String(p.id), p]));
      const found = options.stored
        ? (
            await em.find(Annotation, {
              provision: { $in: provisions.map((p) => p.id) },
              status: { $ne: AnnotationStatus.REJECTED },
            })
          ).map((a) => ({
            ref: String(a.provision.id),
            code: a.code.code,
            detail: a.detail,
            bindingForce: a.bindingForce,
          }))
        : (await this.rules.propose(em, agreement)).proposals;
      for (const a of found) {
        const provision = byId.get(a.ref);
        if (!provision) continue;
        predictions.push({
          treatyIdentifier: agreement.totaId!,
          articleIdentifier: provision.externalId!,
          code: a.code,
          detail: a.detail,
          bindingForce: a.bindingForce,
          location: provision.location,
        });
      }
    }
    return evaluate(labels, universe, predictions);
  }
}
