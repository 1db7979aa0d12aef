import { Language } from '../../common/i18n';
import { notesIn } from '../common/report-texts';
import { TrendsResult } from './trends.types';

/**
 * The trends report with its notes in `lang` (English: as computed, the API's stable texts). The groups keep
 * their labels (years, region names, agreement types, party names as the catalogue holds them) and the codes.
 */
export const trendsIn = (lang: Language, report: TrendsResult): TrendsResult => notesIn(lang, report);
