// Any run of white space, including non-breaking and other Unicode spaces and line or paragraph separators.
const WHITESPACE_RUN = /[\s\u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Folds every run of white space (non-breaking spaces and line breaks included) into one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * The normalised text plus, for each of its characters, the offset of the character in the original text
 * it came from, so that a span found in the normalised text can be mapped back to the original.
 */
export interface NormalizedText {
  readonly text: string;
  readonly original: string;
  /** origin[i] = offset in `original` of normalised character i; origin.length === text.length. */
  readonly origin: Int32Array;
}

export function normalizeWithOffsets(original: string): NormalizedText {
  const origin = new Int32Array(original.length);
  let out = '';
  let length = 0;
  let pendingSpace = -1;
  let chunkStart = -1;
  const flushChunk = (end: number): void => {
    if (chunkStart >= 0) {
      out += original.slice(chunkStart, end);
      chunkStart = -1;
    }
  };
  for (let i = 0; i < original.length; i++) {
    if (isWhitespace(original.charCodeAt(i))) {
      flushChunk(i);
      if (pendingSpace < 0 && length > 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      out += ' ';
      origin[length++] = pendingSpace;
      pendingSpace = -1;
    }
    if (chunkStart < 0) chunkStart = i;
    origin[length++] = i;
  }
  flushChunk(original.length);
  return { text: out, original, origin: origin.subarray(0, length) };
}

/** Maps the normalised span [start, end) back to the original text: returns original offsets [start, end). */
export function toOriginalSpan(
  normalized: NormalizedText,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    const at = start < normalized.origin.length ? normalized.origin[start] : normalized.original.length;
    return { start: at, end: at };
  }
  return { start: normalized.origin[start], end: normalized.origin[end - 1] + 1 };
}

function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
