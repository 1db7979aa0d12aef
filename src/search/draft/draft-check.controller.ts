import { Body, Controller, HttpCode, Next, Post, Req, Res } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ReadAccess } from '../../auth/access.decorators';
import { BadUserInputError } from '../../common/errors';
import { RATE_COSTS, RateCost } from '../../auth/rate-limit/rate-cost.decorator';
import { draftCheckJson } from './draft-check.json';
import { checkDraftText, DraftCheckService } from './draft-check.service';
import { repeatedFormField, unreadBody } from '../../common/form-body';
import { RawParameters, unknownParameters } from '../../common/query-parameters';
import { valueKind } from '../../common/value-kind';

/** The fields a JSON body may hold. */
const JSON_FIELDS = ['text', 'draft', 'parties', 'language'];

/**
 * POST /draft-check with a JSON body ({"text", "parties": ["CAN"] or "CAN,KOR", "language"}) answers 200 with
 * JSON (`draftCheckJson`: the checkDraft fields, each precedent with its word diff; it creates nothing); bad
 * input answers 400 with the API's error body (AppExceptionFilter: statusCode, code BAD_USER_INPUT, argument,
 * message). A form post falls through to the web explorer's page at the same address, which asks the same
 * checker through GraphQL. Nothing of the draft is stored or logged.
 */
@ReadAccess()
@RateCost(RATE_COSTS.draftCheck)
@Controller('draft-check')
export class DraftCheckController {
  constructor(private readonly service: DraftCheckService) {}

  @Post()
  @HttpCode(200)
  async check(
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
    @Next() next: NextFunction,
  ): Promise<void> {
    // A body no parser reads, from a browser (a form of enctype multipart or text/plain): its page says so.
    const unread = unreadBody(req);
    if (unread && req.accepts(['json', 'html']) === 'html') return next();
    // A file sent as a multipart upload (curl -F draft=@file) is not read: said so, rather than "the draft is empty".
    if (req.is('multipart/form-data'))
      throw new BadUserInputError(
        'input.text',
        'a file upload (multipart/form-data) is not read: send the draft\'s text, as JSON ({"text": ..., "parties": ...}) or as the form\'s draft field',
      );
    // Any other body no parser reads (text/plain, XML): named, rather than taken for an empty draft.
    if (unread)
      throw new BadUserInputError(
        'input.text',
        `a body ${unread} is not read: send the draft as JSON ({"text": ..., "parties": ...}) or as the form's fields (draft, parties)`,
      );
    const json = req.is('application/json') === 'application/json';
    // A JSON body that is no object (a list, a number): named, rather than read as a draft without text.
    if (json && (typeof body !== 'object' || body === null || Array.isArray(body)))
      throw new BadUserInputError(
        'input',
        `the body must be a JSON object such as {"text": ..., "parties": ["CAN"]} (got ${valueKind(body)})`,
      );
    const sent = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    // A JSON body's field the door does not take (a misspelt "partys"): named, rather than the draft checked as if
    // it had not been sent.
    const unknown = json ? unknownParameters(sent as RawParameters, JSON_FIELDS) : [];
    if (unknown.length)
      throw new BadUserInputError(
        `input.${unknown[0]}`,
        `unknown field(s) ${unknown.join(', ')}; the JSON body takes ${JSON_FIELDS.join(', ')} (draft: the form's name for text)`,
      );
    // The JSON door: a JSON body, or the form's fields (draft, parties, language) from a client that asks for JSON.
    // A form's fields are checked here (a repeated field, the draft's text: this door's refusals), and its parties
    // are then read by the page, as the form and its download button (format=json) read them, by name or code
    // ("Canada, Republic of Korea", which this door refused as unknown codes CANADA, REPUBLIC, OF, KOREA): the
    // page answers this door's JSON (`draftCheckJson`), inline when asked for JSON, as a file for the button.
    const formAskingJson = req.accepts(['html', 'json']) === 'json' && sent.format !== 'json';
    if (!json && !formAskingJson) return next();
    // A form field sent more than once: named, rather than one text chosen or an array read as no draft. (A JSON
    // body's list where a string belongs is named by the checker as a list.)
    const repeated = json ? null : repeatedFormField(sent, ['draft', 'language']);
    if (repeated)
      throw new BadUserInputError(
        repeated.name === 'draft' ? 'input.text' : 'input.language',
        `the form sent the field "${repeated.name}" ${repeated.count} times; send it once`,
      );
    if (!json) {
      checkDraftText(sent.draft);
      return next();
    }
    // A JSON body may name its text as the form does (draft); its line breaks count as the page counts them.
    const draft = typeof sent.draft === 'string' ? sent.draft.replace(/\r\n?/g, '\n') : sent.draft;
    const fields = 'text' in sent || !('draft' in sent) ? sent : { ...sent, text: draft };
    // The checker splits each entry at commas or spaces ("CAN,KOR"): the body may give a list or one string.
    const parties = partyEntries(fields.parties);
    // The text and language go to the checker as sent, so that a number or a list is named as such (400).
    const { text, language } = fields as { text: string; language?: string };
    res.status(200).json(await draftCheckJson(await this.service.check({ text, parties, language })));
  }
}

/**
 * The parties as the JSON door takes them: one string ("CAN,KOR") or a list of strings. Anything else (a number,
 * an object, a list holding one) is named, rather than read as no party or as "[object Object]".
 */
function partyEntries(parties: unknown): string[] {
  if (parties === undefined || parties === null) return [];
  if (typeof parties === 'string') return [parties];
  if (!Array.isArray(parties))
    throw new BadUserInputError(
      'input.parties',
      `must be parties, a list such as ["CAN", "Republic of Korea"] or one string such as "CAN,KOR" (got ${valueKind(parties)})`,
    );
  const index = parties.findIndex((entry) => typeof entry !== 'string');
  if (index >= 0)
    throw new BadUserInputError(
      'input.parties',
      `entry ${index} must be a party's code or name, a string such as "CAN" (got ${valueKind(parties[index])})`,
    );
  return parties as string[];
}
