import { EntityManager } from '@mikro-orm/knex';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ReadAccess } from '../../auth/access.decorators';
import { diffOf, SimilarityService } from '../../search/similar/similarity.service';
import { SimilarityMeasure } from '../../search/wording/clause-index';
import { sqlString, sqlStringArray } from '../common/sql-values';
import { ProvisionPageData, provisionPageHtml } from './provision-page';

type Row = Record<string, unknown>;

/**
 * GET /provisions/<agreement slug>/<key>: the target of every provision link in the reports. HTML, or JSON
 * when the client asks for application/json.
 */
@ReadAccess()
@Controller('provisions')
export class ProvisionPageController {
  constructor(
    private readonly em: EntityManager,
    private readonly similarity: SimilarityService,
  ) {}

  @Get('*pinpoint')
  async show(@Param('pinpoint') segments: string | string[], @Req() req: Request, @Res() res: Response) {
    const pinpoint = Array.isArray(segments) ? segments.join('/') : segments;
    const page = await this.load(pinpoint);
    if (!page) throw new NotFoundException(`no provision "${pinpoint}"`);
    if (req.accepts(['html', 'json']) === 'json') {
      res.json(page);
      return;
    }
    res.type('text/html; charset=utf-8').send(provisionPageHtml(page));
  }

  private async load(pinpoint: string): Promise<ProvisionPageData | null> {
    const slash = pinpoint.indexOf('/');
    if (slash < 1) return null;
    const conn = this.em.getConnection();
    const [row] = await conn.execute<Row[]>(
      `select p."id", p."key", p."location", p."chapter_number", p."chapter_title", p."article_number", p."article_title",
              p."summary", p."text", ag."slug", ag."title", ag."short_title", ag."date_signed"
       from provision p join agreement ag on ag."id" = p."agreement_id" where ag."slug" = ? and p."key" = ?`,
      [pinpoint.slice(0, slash), pinpoint.slice(slash + 1)],
    );
    if (!row) return null;
    const annotations = await conn.execute<Row[]>(
      `select a."code", a."detail", a."binding_force", a."status", a."origin", a."evidence_quote", a."note"
       from annotation a where a."provision_id" = ? order by a."code", a."id"`,
      [row.id],
    );
    const family = await this.similarity.family(String(row.id), SimilarityMeasure.WORDING, null, null);
    return {
      pinpoint,
      family: {
        size: family.size,
        truncated: family.truncated,
        comparable: family.comparable,
        members: family.members.map((m) => ({
          pinpoint: `${m.provision.agreement.slug}/${m.provision.key}`,
          agreement: m.provision.agreement.shortTitle ?? m.provision.agreement.title,
          dateSigned: m.dateSigned,
          parties: m.parties,
          codes: m.codes,
          source: m.source ? `${m.source.agreement.slug}/${m.source.key}` : null,
          score: m.score,
          diff: m.sourceText === null ? null : diffOf(m.sourceText, m.text).segments,
        })),
      },
      agreement: {
        slug: String(row.slug),
        title: String(row.title),
        shortTitle: sqlString(row.short_title),
        dateSigned: sqlString(row.date_signed),
      },
      chapterNumber: sqlString(row.chapter_number),
      chapterTitle: sqlString(row.chapter_title),
      articleNumber: sqlString(row.article_number),
      articleTitle: sqlString(row.article_title),
      location: String(row.location),
      summary: sqlString(row.summary),
      text: sqlString(row.text),
      annotations: annotations.map((a) => ({
        code: String(a.code),
        detail: sqlStringArray(a.detail),
        bindingForce: sqlString(a.binding_force),
        status: String(a.status),
        origin: String(a.origin),
        evidenceQuote: sqlString(a.evidence_quote),
        note: sqlString(a.note),
      })),
    };
  }
}
