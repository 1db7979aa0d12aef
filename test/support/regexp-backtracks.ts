import { setFlagsFromString } from 'node:v8';

/**
 * A count of the patterns' work instead of a time. Every regular expression that `work` runs (through `exec`, which
 * `replace`, `match`, `split` and `test` call once it is replaced) is run a second time as a copy that V8 stops after
 * `perCharacter` backtracks a character of the text it searches (at least 1,024; `%NewRegExpWithBacktrackLimit`,
 * V8's own test hook), and the patterns whose copy was stopped are returned. The copy is `(?:pattern)|(?![^])`: it
 * finds what the pattern finds, else the end of the text, so it answers null only when stopped. A pattern that goes
 * back over the text from each place it tries (the OCR repair's first form: 3,000 backtracks a character of a run of
 * 2,000 letters, 12,000 of 8,000) exceeds any such bound on a long enough text; a linear one backtracks a few times
 * a character. The count does not move with the machine's load; the answers `work` sees are the patterns' own.
 *
 * What it does not see: V8 goes back over a greedy run of one character class (`.+`, `[a-z]*`) without counting
 * backtracks, so a pattern whose cost is such runs tried from each place (the party names' qualifier pattern,
 * `^(.+?) \((.+)\)$`, a few backtracks a character and 3.1 s for 60 kB) passes.
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
    if (own.call(copy, text) === null) over.add(String(this));
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
    // The bound for the next power of two of the length searched: a few copies a pattern.
    // (A small integer: V8's hook reads the limit as one.)
    const limit = (perCharacter << Math.max(10, Math.ceil(Math.log2(Math.max(length, 1))))) | 0;
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
