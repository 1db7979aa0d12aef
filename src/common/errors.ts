/**
 * Errors of the domain, free of any transport. Each carries a code; the transports map it once each:
 * GraphQL (`graphql/error-formatter.ts`: `extensions.code`), HTTP (`common/exception.filter.ts`: the status
 * from `HTTP_STATUS_BY_CODE`) and the command line (`common/cli-errors.ts`: the message and exit status 1).
 */

/** The `extensions.code` values this API answers with (besides GraphQL's own parse and validation codes). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** A request that is not well-formed (a body that is not JSON or too large, no query): refused before any work. */
  BAD_REQUEST = 'BAD_REQUEST',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  TIMEOUT = 'TIMEOUT',
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** The HTTP status of each code a client may cause (anything else is a 500). */
export const HTTP_STATUS_BY_CODE: Readonly<Partial<Record<string, number>>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.RESPONSE_TOO_LARGE]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.TIMEOUT]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** The longest value a message quotes back as the client sent it (a slug, an id, a code); longer ones are cut. */
export const SHOWN_INPUT_LENGTH = 80;
/** The longest error message answered: past it the rest is cut and counted (it names what was wrong first). */
export const MAX_ERROR_MESSAGE_LENGTH = 2_000;

/**
 * Characters a quote prints as `\uXXXX`: C0 and C1 controls, and the bidirectional embeddings, overrides and
 * isolates, which make the rest of the message read otherwise (until 7 December 2026 `/parties/%E2%80%AECAN`
 * answered "No party "\u202ECAN" (party codes are ...", the rest of the line reversed on the page).
 */
// eslint-disable-next-line no-control-regex
const UNQUOTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value the client sent, as a message quotes it: whole up to SHOWN_INPUT_LENGTH characters, else cut with "…";
 * controls and bidirectional marks that would change how it reads printed as `\uXXXX`.
 */
export function shown(value: string, max: number = SHOWN_INPUT_LENGTH): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(UNQUOTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * A code the client sent (a party code, ISO 3166 alpha-3, all ASCII), as a message quotes it: every character outside
 * printable ASCII (controls and bidirectional marks included; "…", the mark of a cut, aside) as `\uXXXX`, so that a
 * look-alike reads as what it is: `СAN` with a Cyrillic С was answered "No party "СAN"" and "unknown party code(s)
 * СAN", which read as CAN, a party the catalogue holds.
 */
export function shownCode(value: string, max: number = SHOWN_INPUT_LENGTH): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  return cut.replace(/[^\x20-\x7e\u2026]/gu, escapedCodePoint) + (value.length > max ? '…' : '');
}

/**
 * A party name the client typed, as a message quotes it: `shownCode`'s rule, widened to the letters of the
 * catalogue's names and of the explorer's languages (Latin-1 and Latin Extended-A: "Côte d'Ivoire", "Türkiye",
 * "Curaçao") and the typographic apostrophe; any other character (a Cyrillic or Greek look-alike, a full-width or
 * mathematical letter, an invisible one: the soft hyphen, U+00A0) as its code point, so that "Сanada" with a Cyrillic
 * С is answered "no party is named "\u0421anada"", not a name that reads as Canada's.
 */
export function shownName(value: string, max: number = SHOWN_INPUT_LENGTH): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  return (
    cut.replace(/[^\x20-\x7e\u00a1-\u00ac\u00ae-\u017f\u2019\u2026]/gu, escapedCodePoint) +
    (value.length > max ? '…' : '')
  );
}

const escapedCodePoint = (c: string): string => {
  const point = c.codePointAt(0)!.toString(16).toUpperCase();
  return point.length > 4 ? `\\u{${point}}` : `\\u${point.padStart(4, '0')}`;
};

/**
 * What no message of ours holds and a quoted value may: `UNQUOTABLE` but for line feeds and tabs. Printed as `\uXXXX`
 * in every message (a DomainError's, a page's WebError), whether or not the code that quoted the value used `shown`:
 * hostile23 found U+202E raw in a dozen refusals that quoted a value as sent (`/agreements?%E2%80%AEx=1` "Unknown
 * parameter <U+202E>x: ...", `includeProposed`, `mechanisms`, `section`, `groupBy`, `code`, a repeated `lang`).
 */
// eslint-disable-next-line no-control-regex
const UNQUOTABLE_IN_MESSAGE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escaped = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * An error message of bounded length: messages quote what the client sent, and the answer need not carry a
 * client's megabyte back (a 900,000-character slug was answered twice over, 1.8 MB).
 */
export function boundedMessage(message: string): string {
  const printed = message.replace(UNQUOTABLE_IN_MESSAGE, escaped);
  if (printed.length <= MAX_ERROR_MESSAGE_LENGTH) return printed;
  const rest = printed.length - MAX_ERROR_MESSAGE_LENGTH;
  return `${printed.slice(0, MAX_ERROR_MESSAGE_LENGTH)}… (${rest.toLocaleString('en')} more characters)`;
}

/** A fault the domain recognises: its message is meant for the user, `details` travel with it (e.g. `argument`). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(boundedMessage(message));
    this.name = new.target.name;
  }
}

/**
 * A bad argument: `argument` names it (a dotted path for input fields, e.g. `filter.signedFrom`), printed and bounded
 * as the message is (`boundedMessage`): the name may be one the client sent (an unknown parameter or JSON field), and
 * the answer's `argument` carried it raw, U+202E and a megabyte alike.
 */
export class BadUserInputError extends DomainError {
  constructor(argument: string, message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, {
      argument: boundedMessage(argument),
      ...extra,
    });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, key: string) {
    super(ErrorCode.NOT_FOUND, `${what} "${shown(key)}" not found`, { what, key: shown(key) });
  }
}

/** The write met a state it cannot apply to; `extra.refusal: 'changed'` when another write came first (a version). */
export class ConflictError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extra);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

/**
 * Refused to this caller. `extra.refusal` names which rule refused (`ownAnnotation`, `role`), with its values beside
 * it, so that a page can say it in its own language (`WebContext.errorOf`).
 */
export class ForbiddenError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, extra);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfter: number, extra: Record<string, unknown> = {}) {
    super(ErrorCode.RATE_LIMITED, message, { retryAfter, ...extra });
  }
}

/** Work stopped at its time limit (a search's deadline, a request's budget). */
export class TimeoutError extends DomainError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(ErrorCode.TIMEOUT, message, extra);
  }
}

export class ResponseTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super(
      ErrorCode.RESPONSE_TOO_LARGE,
      `The response would be larger than ${maxBytes} bytes: ask for smaller pages or fewer fields`,
      { maxBytes },
    );
  }
}
