import { BadUserInputError } from './errors';

/** Query parameters (or command-line options) as Express parses them: a repeated name gives a list. */
export type RawParameters = Record<string, string | string[] | undefined>;

/** Refuses a parameter that is not in `allowed`, naming it and what is allowed. */
export function checkKnownParameters(params: RawParameters, allowed: readonly string[], what: string): void {
  const unknown = Object.keys(params).filter((k) => !allowed.includes(k));
  if (unknown.length)
    throw new BadUserInputError(
      unknown[0],
      `unknown parameter(s) ${unknown.join(', ')}; ${what} takes ${allowed.join(', ')}`,
    );
}

/**
 * One value, trimmed; blank is absent. Repeated with the same value (or blanks), it is that value; with different
 * values (`lang=fr&lang=es`), it is refused by name: choosing one would answer what the client may not have asked.
 */
export function one(params: RawParameters, name: string): string | undefined {
  const value = params[name];
  const values = [
    ...new Set((Array.isArray(value) ? value : [value]).map((v) => v?.trim()).filter((v) => v)),
  ] as string[];
  if (values.length > 1)
    throw new BadUserInputError(
      name,
      `was sent ${(value as string[]).length} times with different values (${values.map((v) => JSON.stringify(v)).join(', ')}); send it once`,
    );
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
    throw new BadUserInputError(name, `unknown value(s) ${bad.join(', ')}; expected ${values.join(', ')}`);
  return items as T[] | undefined;
}

export function bool(params: RawParameters, name: string): boolean | undefined {
  const value = one(params, name)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  throw new BadUserInputError(name, `"${value}" is not true or false`);
}
