/** One ToTA (Texts of Trade Agreements) treaty file, as parsed from its XML. Dates are ISO `YYYY-MM-DD`. */
export interface TotaTreaty {
  readonly fileName: string;
  readonly treatyIdentifier: string;
  readonly name: string | null;
  readonly type: string | null;
  readonly wtoRtaId: string | null;
  readonly status: string | null;
  readonly notification: string | null;
  readonly dateSigned: string | null;
  readonly dateIntoForce: string | null;
  readonly dateNotification: string | null;
  readonly endImplementation: string | null;
  readonly dateInactive: string | null;
  /** ISO 3166-1 alpha-3 codes, in the order of their `n` attribute. */
  readonly partiesOriginal: readonly string[];
  readonly parties: readonly string[];
  readonly composition: string | null;
  /** The region field as written (several regions are separated by "; "). */
  readonly region: string | null;
  readonly regions: readonly string[];
  readonly partiesWto: boolean | null;
  readonly crossregional: boolean | null;
  readonly language: string | null;
  readonly sources: readonly TotaSource[];
  readonly relatedAgreementWtoIds: readonly string[];
  readonly chapters: readonly TotaChapter[];
  /** Meta values corrected against the treaty's own text (`meta-corrections.ts`), by field: what ToTA gave, and why. */
  readonly corrections?: Readonly<Record<string, string>>;
  /**
   * The parties' own dates of entry into force (`meta-corrections.ts`, a correction naming parties), by code, and the
   * note for the record's `partyDates`: where ToTA gives one date for parties that each entered into force on its own.
   */
  readonly partiesInForce?: {
    readonly dates: Readonly<Record<string, string>>;
    /** The parties whose date is a bound (`DatePrecision.AT_LATEST`), not the day. */
    readonly atLatest?: readonly string[];
    readonly note: string;
  };
  /** The file's text is another instrument's, left out (`meta-corrections.ts`): the record holds no provisions. */
  readonly textLeftOut?: boolean;
}

export interface TotaSource {
  readonly url: string;
  readonly lang: string | null;
  /** "full text" or "annex" in ToTA 0.5. */
  readonly type: string | null;
}

export interface TotaChapter {
  readonly chapterIdentifier: string;
  readonly number: string | null;
  readonly name: string | null;
  /** 0-based position in the body. */
  readonly order: number;
  readonly articles: readonly TotaArticle[];
}

export interface TotaArticle {
  readonly articleIdentifier: string;
  readonly number: string | null;
  readonly name: string | null;
  /** The article text exactly as in the file (entities decoded, white space kept). */
  readonly text: string;
  /** 0-based position in the whole body (across chapters). */
  readonly order: number;
}
