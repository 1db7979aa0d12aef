import { BadUserInputError, shown } from './errors';
import { inputRefusal } from './refusal-texts';

/** Query parameters (or command-line options) as Express parses them: a repeated name gives a list. */
export type RawParameters = Record<string, string | string[] | undefined>;

/**
 * Names a shared link carries that say nothing to the service (a newsletter's `utm_*` tags, an ad click's `fbclid`
 * or `gclid`, a cache buster `_`): passed over at every door; any other name the door does not take is refused.
 */
export function isLinkTag(name: string): boolean {
  return name.startsWith('utm_') || name === '_' || name === 'fbclid' || name === 'gclid';
}

/**
 * The parameters a door does not take, link tags aside (`grupBy`, `lang[x]`: the simple query parser keeps the
 * brackets in the name): what every door refuses by name, the API's in English (checkKnownParameters), the
 * explorer's pages in their language.
 */
export function unknownParameters(params: RawParameters, allowed: readonly string[]): string[] {
  return Object.keys(params).filter((k) => !allowed.includes(k) && !isLinkTag(k));
}

/** The first broken escape of an address: a `%` not followed by two hexadecimal digits (`%ZZ`, `%2` at the end). */
export function brokenEscape(text: string): string | undefined {
  return /%(?![0-9a-f]{2})[^%/?&=]{0,2}/i.exec(text)?.[0];
}

const decodes = (text: string): boolean => {
  try {
    decodeURIComponent(text.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
};

/**
 * The first parameter of an address's query string whose name or value is no percent-encoded UTF-8 (`q=%E0%A4%A`,
 * `q=%ZZ`, `q=caf%E9`), as sent: Node's querystring, which Express's query parser is, reads such a value silently as
 * something else (U+FFFD, or the `%` kept), so that a page would answer for words the client did not send.
 */
export function undecodableParameter(url: string): { name: string; value: string } | undefined {
  const start = url.indexOf('?');
  if (start < 0) return undefined;
  for (const part of url.slice(start + 1).split('&')) {
    const equals = part.indexOf('=');
    const [name, value] = equals < 0 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)];
    if (!decodes(name) || !decodes(value))
      return { name: decodes(name) ? decodeURIComponent(name) : name, value };
  }
  return undefined;
}

/**
 * The API's words for `undecodableParameter` (the parameter's name, and what to say after it), or undefined: what a
 * download (`/exports/...`, `/reports/...`) and a GraphQL GET refuse as the pages do (`error.undecodableParameter`,
 * in the page's language): Node's querystring read `parties=%E0%A4%A` as "\uFFFD%A", refused as an unknown party.
 */
export function undecodableParameterRefusal(url: string): { name: string; message: string } | undefined {
  const undecodable = undecodableParameter(url);
  if (!undecodable) return undefined;
  const name = shown(undecodable.name);
  return {
    name,
    message: `holds "${shown(undecodable.value)}", which is not percent-encoded UTF-8 text (a % must be followed by two hexadecimal digits, and the bytes they make must be UTF-8)`,
  };
}

/** Refuses, by name (BAD_USER_INPUT), a parameter of the address that is no percent-encoded UTF-8. */
export function checkDecodableParameters(url: string): void {
  const refusal = undecodableParameterRefusal(url);
  if (refusal) throw new BadUserInputError(refusal.name, refusal.message);
}

/** Refuses a parameter that is not in `allowed`, naming it and what is allowed. */
export function checkKnownParameters(params: RawParameters, allowed: readonly string[], what: string): void {
  const unknown = unknownParameters(params, allowed);
  if (unknown.length)
    throw inputRefusal(unknown[0], 'unknownParameters', {
      names: unknown.join(', '),
      what,
      taken: allowed.join(', '),
    });
}

/** A parameter's distinct values, trimmed, blanks left out: more than one where one is taken is refused by name. */
export function distinctValues(value: string | string[] | undefined): string[] {
  return [
    ...new Set((Array.isArray(value) ? value : [value]).map((v) => v?.trim()).filter((v) => v)),
  ] as string[];
}

/**
 * One value, trimmed; blank is absent. Repeated with the same value (or blanks), it is that value; with different
 * values (`lang=fr&lang=es`), it is refused by name: choosing one would answer what the client may not have asked.
 */
export function one(params: RawParameters, name: string): string | undefined {
  const value = params[name];
  const values = distinctValues(value);
  if (values.length > 1)
    throw inputRefusal(name, 'oneValue', {
      times: String((value as string[]).length),
      values: values.map((v) => JSON.stringify(v)).join(', '),
    });
  return values[0];
}

/** A list given as `a,b,c` or as the parameter repeated. */
export function list(params: RawParameters, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** A list of enum values, case-insensitive; an unknown value names the parameter and the allowed values. */
export function enumList<T extends string>(
  params: RawParameters,
  name: string,
  values: readonly T[],
): T[] | undefined {
  const items = list(params, name)?.map((v) => v.toUpperCase());
  const bad = items?.filter((v) => !values.includes(v as T)) ?? [];
  if (bad.length)
    throw inputRefusal(name, 'unknownValues', { values: bad.join(', '), expected: values.join(', ') });
  return items as T[] | undefined;
}

/** A yes-or-no value's words, case-insensitive (true, 1, yes; false, 0, no); undefined for any other word. */
export function boolWord(value: string): boolean | undefined {
  const word = value.toLowerCase();
  if (['true', '1', 'yes'].includes(word)) return true;
  if (['false', '0', 'no'].includes(word)) return false;
  return undefined;
}

export function bool(params: RawParameters, name: string): boolean | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  const answer = boolWord(value);
  if (answer === undefined) throw inputRefusal(name, 'notBoolean', { value: value.toLowerCase() });
  return answer;
}
