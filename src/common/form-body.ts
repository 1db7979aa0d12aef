import type { NextFunction, Request, Response } from 'express';
import { parse } from 'node:querystring';

/**
 * Form bodies whose escapes are no UTF-8. body-parser 2 reads a form with qs, which leaves a field it cannot
 * decode as its escapes ("%25PDF-1.7%0A%E2%E3..."): a file's bytes posted as a form field would reach the app as
 * harmless-looking ASCII and pass for text. The form's raw bytes are kept while it is parsed (`keepFormBytes`, the
 * parser's `verify`), and each field is read again with Node's querystring (`decodeFormFields`), which decodes
 * bytes that are no UTF-8 as U+FFFD, as the JSON parser reads them: the checks for binary data then see them.
 */
const RAW = Symbol('form bytes');

/** The most fields a form's body may have (body-parser's `parameterLimit`): past it, 413 naming it. */
export const FORM_FIELD_LIMIT = 1000;
type FormRequest = Request & { [RAW]?: Buffer };

export function keepFormBytes(req: Request, _res: Response, buf: Buffer): void {
  (req as FormRequest)[RAW] = buf;
}

export function decodeFormFields(req: Request, _res: Response, next: NextFunction): void {
  const form = req as FormRequest;
  const raw = form[RAW];
  delete form[RAW];
  // A form that declares another charset (iso-8859-1, the one other body-parser reads) was decoded by it: read as
  // UTF-8, a French draft's accents would be taken for undecodable bytes, the draft for binary data.
  if (raw && req.body && typeof req.body === 'object' && declaresUtf8(req)) {
    const body = req.body as Record<string, unknown>;
    for (const [name, value] of Object.entries(parse(raw.toString('utf8'))))
      if (Object.prototype.hasOwnProperty.call(body, name) && value !== undefined) body[name] = value;
  }
  next();
}

/** The body's declared charset is UTF-8, or none is declared (a form's default). */
function declaresUtf8(req: Request): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

/**
 * The first of `names` a form sent more than once, with how many times (`draft=a&draft=b` parses as a list):
 * a door that takes one value names it rather than choosing one or reading the list as nothing.
 */
export function repeatedFormField(
  body: Record<string, unknown> | undefined,
  names: readonly string[],
): { name: string; count: number } | null {
  const name = names.find((n) => Array.isArray(body?.[n]));
  return name ? { name, count: (body![name] as unknown[]).length } : null;
}

/** The media types the service's body parsers read: JSON and forms (multipart uploads are not read). */
const READ_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * How a body that none of the service's parsers read is described ("of type text/plain", "of type
 * multipart/form-data", "without a Content-Type"),
 * or null: such a body reaches a route as no body at all, which a door must not take for an empty one.
 */
export function unreadBody(req: Request): string | null {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody || req.is(READ_TYPES)) return null;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  return type ? `of type ${type}` : 'without a Content-Type';
}
