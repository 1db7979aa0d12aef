import { PROVISION_FIELDS } from './provision-fields';
import { Provision } from './provision.entity';

/** A provision as the audit trail records it; long texts are summarised by length. */
export function provisionSnapshot(p: Provision): Record<string, unknown> {
  const facts = PROVISION_FIELDS.flatMap((field): [string, unknown][] =>
    field === 'text'
      ? [
          ['textLength', p.text?.length ?? null],
          ['textStart', p.text?.slice(0, 200) ?? null],
        ]
      : [[field, p[field]]],
  );
  return { ...Object.fromEntries(facts), version: p.version };
}
