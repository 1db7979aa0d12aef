import { BadUserInputError } from '../common/errors';

/** `<agreement slug>/<provision key>` (keys may contain slashes, slugs do not). */
export function splitPinpoint(pinpoint: string, argument: string): { slug: string; key: string } {
  const slash = pinpoint.indexOf('/');
  if (slash < 1 || slash === pinpoint.length - 1) {
    throw new BadUserInputError(
      argument,
      'must look like <agreement slug>/<provision key>, e.g. eu-korea-fta/art-7.4',
    );
  }
  return { slug: pinpoint.slice(0, slash), key: pinpoint.slice(slash + 1) };
}
