import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../src/config';

/** The corpus's ToTA XML files (pta_N.xml) in numeric order, as absolute paths. */
export function totaFiles(dir: string = corpusDir()): string[] {
  const xmlDir = join(dir, 'tota', 'xml');
  const number = (name: string) => Number(/(\d+)/.exec(name)?.[1] ?? 0);
  return readdirSync(xmlDir)
    .filter((name) => name.endsWith('.xml'))
    .sort((a, b) => number(a) - number(b))
    .map((name) => join(xmlDir, name));
}

export const totaFile = (treatyIdentifier: string, dir: string = corpusDir()) =>
  join(dir, 'tota', 'xml', `pta_${treatyIdentifier}.xml`);

export const devLabelFiles = (dir: string = corpusDir()) => ({
  labels: join(dir, 'labels', 'dev_labels.csv'),
  agreements: join(dir, 'labels', 'dev_agreements.csv'),
});
