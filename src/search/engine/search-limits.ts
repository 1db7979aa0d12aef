import { setting, settingDefault } from '../../config';

/** Hits a search ranks at most (SEARCH_RANK_CANDIDATES); beyond it, the first ones in id order. */
export const DEFAULT_RANK_CANDIDATES = settingDefault('SEARCH_RANK_CANDIDATES');

export const rankCandidates = (): number => setting('SEARCH_RANK_CANDIDATES');

/** No search statement may run longer than this (SEARCH_TIME_LIMIT_MS). */
export const searchTimeLimitMs = (): number => setting('SEARCH_TIME_LIMIT_MS');
