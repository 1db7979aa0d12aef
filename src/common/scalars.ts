import { DateTimeResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';

/** Calendar dates travel as `LocalDate` (YYYY-MM-DD) and are stored as the same strings. */
export const LocalDate = LocalDateResolver;
export const DateTime = DateTimeResolver;
export const Url = URLResolver;
