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

/**
 * The template's own text without the indentation of its source lines (a third of a big page's bytes): a line
 * break followed by spaces is one line break, which HTML shows the same (no template has a <pre> or a <textarea>
 * with text of its own inside). Worked out once per template: a tagged template's strings are the same object
 * at every call.
 */
const trimmed = new WeakMap<TemplateStringsArray, string[]>();
function templateText(strings: TemplateStringsArray): string[] {
  let text = trimmed.get(strings);
  if (!text) trimmed.set(strings, (text = strings.map((s) => s.replace(/\n[ \t]+/g, '\n'))));
  return text;
}

/** A template whose interpolated values are escaped unless they are Html (lists are joined). */
export function markup(strings: TemplateStringsArray, ...values: Part[]): Html {
  const text = templateText(strings);
  let out = text[0];
  for (let i = 0; i < values.length; i++) out += renderPart(values[i]) + text[i + 1];
  return new Html(out);
}

export const join = (parts: readonly Part[], separator: Part = ''): Html =>
  new Html(parts.map(renderPart).join(renderPart(separator)));
