import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { PALETTE } from '../render/svg-common';

/**
 * Each mechanism's own colour in every flows chart (the report's and the page's), whatever the mechanisms a filter
 * leaves: from the charts' colour-blind-safe palette, leaving out its orange (the stripes of evidence awaiting
 * review are amber) and its vermilion (a rule not met, in the score bars).
 */
export const MECHANISM_COLORS: Readonly<Record<PreferentialMechanism, string>> = {
  [PreferentialMechanism.ARTIST_MOBILITY]: PALETTE[0],
  [PreferentialMechanism.CO_PRODUCTION]: PALETTE[2],
  [PreferentialMechanism.MARKET_ACCESS]: PALETTE[3],
  [PreferentialMechanism.TECHNICAL_ASSISTANCE]: PALETTE[5],
  [PreferentialMechanism.OTHER]: PALETTE[6],
};

/** A mechanism's colour by its code (undefined for a code that is no mechanism). */
export const mechanismColor = (mechanism: string): string | undefined =>
  (MECHANISM_COLORS as Readonly<Record<string, string>>)[mechanism];
