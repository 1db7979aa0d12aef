import { setFlagsFromString } from 'node:v8';

/**
 * A count of the patterns' work instead of a time. Every regular expression that `work` runs (through `exec`, which
 * `replace`, `match`, `split` and `test` call once it is replaced) is run a second time as a copy that V8 stops after
 * `perCharacter` backtracks a character of the text it searches (at least 1,024 characters' worth;
 * `%NewRegExpWithBacktrackLimit`, V8's own test hook), and the patterns whose copy was stopped are returned. The copy
 * is `(?:pattern)|(?![^])`: it finds what the pattern finds, else the end of the text, so it answers null only when
 * stopped. The copies are compiled without V8's optimisations (`--no-regexp-optimization`), which go back over a
 * greedy run of one character class (`[*_]+$`, `.+`) without counting it. A pattern that goes back over the text
 * from each place it tries exceeds any such bound on a long enough text: the OCR repair's first form, the party
 * names' qualifier `^(.+?) \((.+)\)$` and `[*_]+$` make about as many backtracks a character as the text has
 * characters (750 to 1,000 for 1,000 to 1,500); a linear one a few dozen at most. The count does not move with the
 * machine's load; the answers `work` sees are the patterns' own.
 */
export async function overBacktrackLimit<T>(
  perCharacter: number,
  work: () => T | Promise<T>,
): Promise<{ answer: T; over: string[] }> {
  const counted = countingCopies(perCharacter);
  const over = new Set<string>();
  const exec = Object.getOwnPropertyDescriptor(RegExp.prototype, 'exec')!;
  const own = exec.value as RegExp['exec'];
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const copy = counted(this, String(text).length - start);
    copy.lastIndex = start;
    // Compiled (at its first run, and again when V8 tiers it up) without the optimisations; the pattern itself with.
    setFlagsFromString('--no-regexp-optimization');
    try {
      if (own.call(copy, text) === null) over.add(String(this));
    } finally {
      setFlagsFromString('--regexp-optimization');
    }
    return own.call(this, text);
  };
  try {
    return { answer: await work(), over: [...over] };
  } finally {
    Object.defineProperty(RegExp.prototype, 'exec', exec);
  }
}

let natives = false;

/** A pattern's copy that finds the end of the text where the pattern finds nothing, stopped past its backtracks. */
function countingCopies(perCharacter: number): (pattern: RegExp, length: number) => RegExp {
  if (!natives) {
    setFlagsFromString('--allow-natives-syntax');
    natives = true;
  }
  const make = new Function(
    'source',
    'flags',
    'limit',
    'return %NewRegExpWithBacktrackLimit(source, flags, limit)',
  ) as (source: string, flags: string, limit: number) => RegExp;
  const copies = new Map<string, RegExp>();
  return (pattern, length) => {
    // The bound for the next power of two of the length searched (a few copies a pattern), a small integer: V8's
    // hook reads the limit as one (2 ** 30 - 1 at most).
    const power = Math.max(10, Math.ceil(Math.log2(Math.max(length, 1))));
    const limit = Math.min(perCharacter * 2 ** power, 2 ** 30 - 1) | 0;
    const key = `${limit}/${pattern.flags}/${pattern.source}`;
    let copy = copies.get(key);
    if (!copy) {
      // A sticky pattern tries one place: the empty alternative is found there.
      const otherwise = pattern.sticky ? '' : '(?![^])';
      copies.set(key, (copy = make(`(?:${pattern.source})|${otherwise}`, pattern.flags, limit)));
    }
    return copy;
  };
}
