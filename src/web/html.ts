import { escapeHtml } from '../reports/render/html-escape';

/** Markup that is already safe (built by `markup` or a renderer that escapes); everything else is escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | boolean | null | undefined | readonly Part[];

/** Trusted markup, e.g. an SVG chart from the report renderers (which escape their own text). */
export const raw = (markup: string): Html => new Html(markup);

export function renderPart(part: Part): string {
  if (part === null || part === undefined || part === false || part === true) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(renderPart).join('');
  return escapeHtml(String(part));
}

/** A template whose interpolated values are escaped unless they are Html (lists are joined). */
export function markup(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += renderPart(values[i]) + strings[i + 1];
  return new Html(out);
}

export const join = (parts: readonly Part[], separator: Part = ''): Html =>
  new Html(parts.map(renderPart).join(renderPart(separator)));
