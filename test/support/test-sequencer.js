// jest's order of test files, with a grouped end-to-end file weighed by its parts. With no timings from an earlier
// run (a fresh checkout, CI's clean clone) jest starts the largest files first, so that no worker is left with a
// long file at the end while the other is idle; a grouped file (`grouped-*.e2e-spec.ts`) is a few lines of
// imports, among the longest files to run but counted as one of the smallest, so the groups all ran last. Here a
// file's size is its own plus that of the `.e2e-part.ts` files it imports. With timings, as jest's own: the files
// that failed first, then the longest.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const PART_IMPORT = /^import '(\.\/[\w.-]+\.e2e-part)';$/gm;

/** The size jest would read for this file, with that of each part it imports. */
function sizeWithParts(path, ownSize) {
  if (!path.endsWith('.e2e-spec.ts')) return ownSize;
  let size = ownSize;
  for (const [, part] of readFileSync(path, 'utf8').matchAll(PART_IMPORT))
    size += statSync(join(dirname(path), `${part}.ts`)).size;
  return size;
}

class GroupedFilesSequencer extends Sequencer {
  sort(tests) {
    const sizes = new Map();
    const size = (test) => {
      if (!sizes.has(test.path))
        sizes.set(test.path, sizeWithParts(test.path, test.context.hasteFS.getSize(test.path) ?? 0));
      return sizes.get(test.path);
    };
    for (const test of tests) test.duration = this.time(test);
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      const timedA = a.duration != null;
      // A file with a timing runs after those without (jest's rule: a new file is not known to be short).
      if (timedA !== (b.duration != null)) return timedA ? 1 : -1;
      if (timedA) return b.duration - a.duration;
      return size(b) - size(a);
    });
  }
}

module.exports = GroupedFilesSequencer;
module.exports.sizeWithParts = sizeWithParts;
