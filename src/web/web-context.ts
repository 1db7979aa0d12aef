import { publicBasePath, servedPath, setting } from '../config';
import type { Request, Response } from 'express';
import { codeNameIn, pickLanguage, Language, MESSAGES, MessageKey, translator, Translate } from './i18n';
import { badRequest, fromGraphql, notFound, WebError } from './web-errors';
import { Html, markup } from './html';
import { partyNameIn } from '../parties/party-names';
import { shown, shownCode } from '../common/errors';
import { fromGlobalId } from '../graphql/node/global-id';
import { label, labelsText } from './labels';
import { GqlError, GqlResult, WebGraphqlService } from './web-graphql.service';
import {
  boolWord,
  distinctValues,
  RawParameters,
  undecodableParameter,
  unknownParameters,
} from '../common/query-parameters';
import { isLanguage, LANGUAGES } from '../common/i18n';

/** The path prefix of PUBLIC_URL ("" or e.g. "/clause-tracker"): every link and form of the pages starts with it. */
export const basePath = (publicUrl?: string): string => publicBasePath(publicUrl);

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Query string from a map; empty values are left out, lists repeat the name. */
export function queryString(params: Record<string, QueryValue>): string {
  // Most links have no parameters (a page's contents: a hundred of them).
  let any = false;
  for (const _ in params) {
    any = true;
    break;
  }
  if (!any) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A cookie's value, or undefined; a value that is not URL-encoded (a bare %, set by another application on the
 * host) counts as no value: decodeURIComponent's URIError answered every page 500, its error page too.
 */
function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** What a page needs: the request, the language, links under the prefix, and GraphQL. */
export class WebContext {
  private names?: Promise<ReadonlyMap<string, string>>;
  /** The parameters the page takes (`takeOnly`), `lang` included; a read of any other is the page's own fault. */
  private parameters?: readonly string[];

  readonly lang: Language;
  readonly t: Translate;
  readonly base = basePath();
  /**
   * The language the page's links and forms carry (`lang=`), when the next request without it could land in
   * another one: the page's language was chosen by `?lang=` or the cookie, and the browser's Accept-Language
   * alone would pick another (a browser that keeps no cookie, a link copied into a mail, a crawler). Undefined
   * when a bare link lands in this language anyway, so that the usual links stay short.
   */
  readonly linkLang: Language | undefined;

  constructor(
    readonly req: Request,
    readonly res: Response,
    private readonly graphql: WebGraphqlService,
    readonly assets: { css: string; js: string },
  ) {
    this.lang = pickLanguage(req.query.lang, cookie(req, 'lang'), req.headers['accept-language']);
    if (typeof req.query.lang === 'string' && req.query.lang === this.lang) {
      res.cookie('lang', this.lang, { path: this.base || '/', sameSite: 'lax', maxAge: 365 * 86_400_000 });
    }
    this.t = translator(this.lang);
    this.linkLang =
      this.lang === pickLanguage(undefined, undefined, req.headers['accept-language'])
        ? undefined
        : this.lang;
  }

  /**
   * A link to a page of the explorer: prefix, path and query string (report file links from the API have the
   * prefix), with the page's language when a bare link could lose it (`linkLang`).
   */
  href(path: string, params: Record<string, QueryValue> = {}): string {
    const withLang = this.linkLang && !('lang' in params) ? { ...params, lang: this.linkLang } : params;
    return `${servedPath(path)}${queryString(withLang)}`;
  }

  /** An address without the language: the style sheet, the script, the API, and the addresses citations and files give (one address for every language). */
  plain(path: string): string {
    return servedPath(path);
  }

  /**
   * What a GET form adds to carry the page's language (a GET form's action loses its query string on submit):
   * a hidden `lang` field when the links carry it.
   */
  langField(): Html {
    return this.linkLang ? markup`<input type="hidden" name="lang" value="${this.linkLang}" />` : markup``;
  }

  /** This server's address for citations: PUBLIC_URL, else the address the browser used. */
  absolute(path: string): string {
    const publicUrl = setting('PUBLIC_URL')?.replace(/\/+$/, '');
    const origin = publicUrl ? new URL(publicUrl).origin : `${this.req.protocol}://${this.req.get('host')}`;
    return `${origin}${path}`;
  }

  /** `path` (the page's canonical address) with the current request's query string, unchanged. */
  withThisQuery(path: string): string {
    const query = this.req.url.indexOf('?');
    return `${servedPath(path)}${query < 0 ? '' : this.req.url.slice(query)}`;
  }

  /** The current page's address in another language. */
  languageLink(lang: Language): string {
    const params = new URLSearchParams(this.req.url.split('?')[1] ?? '');
    params.set('lang', lang);
    return `${this.base}${this.req.path}?${params.toString()}`;
  }

  /** Runs an operation; any error becomes the page's error (400, 404, ...). */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.graphql.run<T>(this.req, this.res, query, variables);
    if (result.errors.length > 0 || !result.data) throw this.errorOf(result.errors);
    return result.data;
  }

  /**
   * `query`, with the answer kept while the data it reads is unchanged (WebGraphqlService.runKept: the pages whose
   * every visitor asks the same counts).
   */
  async queryKept<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.graphql.runKept<T>(this.req, this.res, query, variables);
    if (result.errors.length > 0 || !result.data) throw this.errorOf(result.errors);
    return result.data;
  }

  /**
   * The page's error for a GraphQL answer (fromGraphql: the first error decides the status), said in the page's
   * language: the API's messages are English sentences for API clients, so the page words again what their
   * extensions name (an item not held, unknown party codes or agreements, a page marker of another list, a search
   * it cannot read, a draft it cannot check, a rule that refused the caller or the write: `refusal`). Any other
   * refusal says, in the page's language, that the reason is the API's English one.
   */
  errorOf(errors: GqlError[]): WebError {
    const error = fromGraphql(errors);
    const extensions = errors[0]?.extensions ?? {};
    const { code, what, key, argument, refusal } = extensions;
    const found = `error.notFound${String(what)}` as MessageKey;
    if (code === 'NOT_FOUND' && typeof key === 'string' && found in MESSAGES[this.lang])
      return notFound(this.t(found, { key }));
    // A rule that refused this caller or this write (ForbiddenError, ConflictError), named by `refusal`.
    const refused = `error.refusal.${String(refusal)}` as MessageKey;
    if (
      (code === 'FORBIDDEN' || code === 'CONFLICT') &&
      typeof refusal === 'string' &&
      refused in MESSAGES[this.lang]
    ) {
      const { annotation, roles, role, currentVersion } = extensions;
      return new WebError(
        error.status,
        this.t(refused, {
          id: typeof annotation === 'string' ? (fromGlobalId(annotation)?.key ?? annotation) : '?',
          roles: Array.isArray(roles) ? labelsText(this.lang, roles.map(String)) : '?',
          role: typeof role === 'string' ? label(this.lang, role) : '?',
          version: typeof currentVersion === 'number' ? currentVersion : '?',
        }),
      );
    }
    if (!error.message) return error;
    // Said in the page's language already (a report asked in it: `refusedIn`, `extensions.language`): its words.
    const said = extensions.language === this.lang;
    if (code !== 'BAD_USER_INPUT')
      return new WebError(
        error.status,
        said ? error.message : this.t('error.refused', { detail: error.message }),
      );
    // Named by the page's parameter or field (filter.grantors: grantors; input.parties: parties).
    const name = typeof argument === 'string' ? argument.split('.').pop()! : '';
    const { unknown, unknownAgreements, syntaxError, position, draftProblem } = extensions;
    // Party codes the API does not know (checkPartyCodes, the refusal that lists them as `unknown`).
    if (Array.isArray(unknown))
      return badRequest(
        this.t('error.partyCodesUnknown', { name, codes: unknown.map((code) => shownCode(code)).join(', ') }),
        name,
      );
    if (Array.isArray(unknownAgreements))
      return badRequest(
        this.t('error.agreementsUnknown', { name, slugs: unknownAgreements.join(', ') }),
        name,
      );
    const syntax = `search.syntax.${String(syntaxError)}` as MessageKey;
    if (typeof syntaxError === 'string' && syntax in MESSAGES[this.lang])
      return badRequest(this.t(syntax, { position: typeof position === 'number' ? position : '?' }), 'q');
    const problem = `draft.problem.${String(draftProblem)}` as MessageKey;
    if (typeof draftProblem === 'string' && problem in MESSAGES[this.lang]) {
      const { characters, max } = extensions;
      return badRequest(
        this.t(problem, {
          characters: typeof characters === 'number' ? characters : 0,
          max: typeof max === 'number' ? max : 0,
        }),
      );
    }
    if (name === 'after') return badRequest(this.t('error.badCursor'), 'after');
    return new WebError(
      error.status,
      said ? error.message : this.t('error.refused', { detail: error.message }),
    );
  }

  /**
   * The taxonomy's codes with their names in the page's language (codeNameIn; the English names come from
   * WebGraphqlService.taxonomyNames): what the forms and facets show (a code without a name shows itself).
   */
  codeNames(): Promise<ReadonlyMap<string, string>> {
    this.names ??= this.graphql
      .taxonomyNames(this.req, this.res)
      .then((names) => new Map(names.map((c) => [c.code, codeNameIn(this.lang, c.code, c.name)])));
    return this.names;
  }

  /** A party's name in the page's language (partyNameIn: CLDR's in French and Spanish, the catalogue's in English). */
  partyName(party: { code: string; name: string }): string {
    return partyNameIn(this.lang, party.code, party.name);
  }

  hasField(type: string, field: string): boolean {
    return this.graphql.hasField(type, field);
  }

  /** Runs an operation and hands back data and errors (for pages that show some errors in place). */
  run<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    return this.graphql.run<T>(this.req, this.res, query, variables);
  }

  // URL parameters ---------------------------------------------------------------------------------------

  /**
   * Refuses, before the page does any work, what its address says that the page would not read: a parameter whose
   * name or value is no percent-encoded UTF-8 (`undecodableParameter`), a parameter it
   * does not take (`unknownParameters`, the API's rule, link tags aside: `grupBy`, `lang[x]`), a `lang` sent twice
   * with different values or that is no language of the pages; each named, in the page's language. The page
   * takes `taken` and `lang`.
   */
  takeOnly(taken: readonly string[]): void {
    this.parameters = ['lang', ...taken];
    const undecodable = undecodableParameter(this.req.originalUrl);
    if (undecodable)
      throw badRequest(
        this.t('error.undecodableParameter', {
          name: shown(undecodable.name),
          value: shown(undecodable.value),
        }),
        undecodable.name,
      );
    const unknown = unknownParameters(this.urlParameters, this.parameters);
    if (unknown.length)
      throw badRequest(
        this.t('error.unknownParameters', {
          count: unknown.length,
          names: unknown.join(', '),
          taken: this.parameters.join(', '),
        }),
        unknown[0],
      );
    const lang = this.param('lang', 10);
    if (lang !== undefined && !isLanguage(lang))
      throw badRequest(
        this.t('error.badValue', { name: 'lang', value: lang, allowed: LANGUAGES.join(', ') }),
        'lang',
      );
  }

  private get urlParameters(): RawParameters {
    return this.req.query as RawParameters;
  }

  /** The values of a parameter the page declared (`takeOnly`). */
  private values(name: string): string | string[] | undefined {
    if (this.parameters && !this.parameters.includes(name))
      throw new Error(`the page reads the parameter "${name}" but does not declare it`);
    return this.urlParameters[name];
  }

  /**
   * One value, trimmed; blank is absent. Sent twice with different values, it is refused by name, as the API's
   * `one()` refuses it (`distinctValues`): the page took the first and answered what may not have been asked.
   */
  param(name: string, max = 500): string | undefined {
    const values = distinctValues(this.values(name));
    if (values.length > 1)
      throw badRequest(
        this.t('error.oneValue', { name, values: values.map((v) => shown(v)).join(', ') }),
        name,
      );
    const [text] = values;
    if (text === undefined) return undefined;
    if (text.length > max) throw badRequest(this.t('error.tooLong', { name, max }), name);
    return text;
  }

  /** A list parameter: repeated (`code=A&code=B`) or comma-separated (`code=A,B`). */
  list(name: string): string[] {
    const value = this.values(name);
    const items = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    return [
      ...new Set(
        items
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  }

  /** A list whose values must be among `allowed` (e.g. an enum): anything else is a 400 naming it. */
  enumList<T extends string>(name: string, allowed: readonly T[]): T[] {
    const values = this.list(name).map((v) => v.toUpperCase());
    for (const value of values)
      if (!allowed.includes(value as T))
        throw badRequest(this.t('error.badValue', { name, value, allowed: allowed.join(', ') }), name);
    return values as T[];
  }

  enumParam<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const values = this.enumList(name, allowed);
    // Two values where one is taken (groupBy=YEAR&groupBy=REGION): said so, not that the second is unknown.
    if (values.length > 1)
      throw badRequest(this.t('error.oneValue', { name, values: values.join(', ') }), name);
    return values[0] ?? fallback;
  }

  year(name: string): number | undefined {
    const value = this.param(name, 10);
    if (value === undefined) return undefined;
    const year = Number(value);
    // The pages turn years into dates, which the API takes up to 50 years ahead (LocalDate).
    const [min, max] = [1900, new Date().getUTCFullYear() + 50];
    if (!/^\d{4}$/.test(value) || year < min || year > max)
      throw badRequest(this.t('error.badYear', { name, value, min: String(min), max: String(max) }), name);
    return year;
  }

  /** The `from` and `to` years of a page's filter; `to` before `from` is refused here, in the page's language. */
  years(): { from?: number; to?: number } {
    const [from, to] = [this.year('from'), this.year('to')];
    if (from !== undefined && to !== undefined && to < from)
      throw badRequest(this.t('error.yearsReversed', { from: String(from), to: String(to) }), 'to');
    return { from, to };
  }

  /**
   * A yes-or-no parameter: absent is no; the API's words (boolWord), or "on", a checkbox's value when it has
   * none. Any other word is refused by name: read as "no", it answered what was not asked, and the page's links
   * kept it.
   */
  flag(name: string): boolean {
    const value = this.param(name, 10);
    if (value === undefined) return false;
    const answer = value.toLowerCase() === 'on' ? true : boolWord(value);
    if (answer === undefined)
      throw badRequest(this.t('error.badValue', { name, value, allowed: 'true, false' }), name);
    return answer;
  }
}
