/**
 * A provision key is a path of safe segments: lower-case letters, digits, `.` and `-`, segments separated by `/`
 * (`protocol-iii/art-2`), none empty, none containing `..`. Links are `/provisions/<slug>/<key>`, so a key can
 * never climb out of its agreement (`art-2/../../reports/x`) or leave an empty segment.
 */
export const PROVISION_KEY_RULE =
  'must be segments of lower-case letters, digits, . and - separated by /, none empty, without ..';

export function isSafeProvisionKey(key: string): boolean {
  if (!key || key.length > 160 || key.includes('..')) return false;
  return key.split('/').every((segment) => /^[a-z0-9][a-z0-9.-]*$/.test(segment));
}
