import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ReadAccess } from '../../auth/access.decorators';
import { draftCheckPageHtml, DraftFormValues } from './draft-check-page';
import { DraftCheckService } from './draft-check.service';

/**
 * GET /draft-check: the HTML form. POST /draft-check: JSON ({"text", "parties": ["CAN"] or "CAN,KOR",
 * "language"}) answers JSON; a form post answers the HTML page. Bad input answers 400 with the message (JSON:
 * {"error": {"code": "BAD_USER_INPUT", "argument", "message"}}). Nothing of the draft is stored or logged.
 */
@ReadAccess()
@Controller('draft-check')
export class DraftCheckController {
  constructor(private readonly service: DraftCheckService) {}

  @Get()
  form(@Res() res: Response): void {
    res
      .type('text/html; charset=utf-8')
      .send(draftCheckPageHtml({ text: '', parties: '', language: 'en' }, null, null));
  }

  @Post()
  async check(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const json =
      req.is('application/json') === 'application/json' || req.accepts(['html', 'json']) === 'json';
    const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const parties = Array.isArray(fields.parties)
      ? fields.parties.map(String)
      : typeof fields.parties === 'string'
        ? fields.parties
            .split(',')
            .map((p) => p.trim())
            .filter(Boolean)
        : [];
    const values: DraftFormValues = {
      text: typeof fields.text === 'string' ? fields.text : '',
      parties: parties.join(','),
      language: typeof fields.language === 'string' && fields.language ? fields.language : 'en',
    };
    try {
      const result = await this.service.check({ text: values.text, parties, language: values.language });
      if (json) {
        res.json(result);
        return;
      }
      res.type('text/html; charset=utf-8').send(draftCheckPageHtml(values, result, null));
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
      res.status(400);
      if (json) {
        res.json({
          error: { code: 'BAD_USER_INPUT', argument: error.extensions.argument, message: error.message },
        });
        return;
      }
      res.type('text/html; charset=utf-8').send(draftCheckPageHtml(values, null, error.message));
    }
  }
}
