/**
 * ToTA meta the team checked and found wrong. Each correction names the file, the value ToTA gives (it applies only
 * while ToTA still gives that value), the value that holds, and where it is stated. A date of signature is corrected
 * only from the treaty's own text; a date of entry into force from the text's article on its entry into force and
 * the sources that date the step it names (an exchange of ratifications), agreeing on the day (or, where two count
 * from the same step a day apart, the later day, on which both have it in force); a status (ToTA's is
 * the WTO card's as copied in 2017) only from the parties' own statements or the press of record, with the day they
 * were read. The record keeps ToTA's value in its note.
 */
export interface TotaMetaCorrection {
  fileName: string;
  /** A status is ToTA's word ("In Force", "Inactive"); an "Inactive" with no date is bound on no date we can name. */
  field: 'dateSigned' | 'status' | 'dateIntoForce';
  /**
   * A date of entry into force given for these parties only (one party, or every party of one side): their own
   * (`agreement_party.dateInForce`, which the binding rule reads before the agreement's), where the agreement entered
   * into force between its sides on different days (Chile - Central America, Art. 21.03: between Chile and each
   * Central American country on its own day). Absent: the agreement's own date, its first entry into force.
   */
  parties?: readonly string[];
  /**
   * With `parties`: the value is a bound the sources agree on, not the day (`DatePrecision.AT_LATEST`: in force for
   * those parties on that day at the latest, their own day not recorded), where they give different days or one of
   * them a month only. Absent: the day itself.
   */
  precision?: 'AT_LATEST';
  totaValue: string;
  value: string;
  source: string;
}

/** Chile - Central America's first entry into force, between Chile and Costa Rica (facts23). */
const CHILE_COSTA_RICA =
  'the text ToTA holds, Art. 21.03: in force between Chile and each Central American country on the thirtieth day ' +
  'from their exchange of ratifications; Chile and Costa Rica exchanged them at San José on 16 January 2002, the ' +
  'first Central American country to do so (El Mercurio, emol.com, 2002-01-16, "Costa Rica y Chile ratificaron hoy ' +
  'Tratado de Libre Comercio", which gives 15 February as the day it enters into force); ALADI ("Tratado de Libre ' +
  'Comercio Chile - América Central", www2.aladi.org, nuevostemas.nsf) gives Costa Rica 14 February 2002, counting ' +
  'the day of the exchange as the first: the later day is recorded, on which both sources have it in force ' +
  '(read 2026-12-07)';

export const TOTA_META_CORRECTIONS: readonly TotaMetaCorrection[] = [
  {
    fileName: 'pta_47.xml',
    field: 'dateSigned',
    totaValue: '2003-02-01',
    value: '2003-02-15',
    source:
      'the text ToTA holds, final clause: done in Seoul on the fifteenth day of February 2003 (Korea - Chile FTA)',
  },
  {
    fileName: 'pta_408.xml',
    field: 'dateSigned',
    totaValue: '2012-12-07',
    value: '2012-09-07',
    source:
      'the text ToTA holds, final clause: done at Vladivostok on 7 September 2012 (Hong Kong, China - Chile FTA)',
  },
  {
    fileName: 'pta_93.xml',
    field: 'dateSigned',
    totaValue: '1995-05-16',
    value: '1995-05-26',
    source:
      'the text ToTA holds, final clause: done in the city of Minsk on 26 May 1995 (Kyrgyz Republic - Moldova FTA; ' +
      'DESTA v2.02 entry 555 gives the year, 1995)',
  },
  {
    fileName: 'pta_109.xml',
    field: 'dateSigned',
    totaValue: '1995-03-06',
    value: '1995-12-22',
    source:
      'the text ToTA holds, final clause: done at Brussels, 22 December 1995 (Decision No 1/95 of the EC-Turkey ' +
      'Association Council, on the customs union)',
  },
  // facts23: Chile - Central America entered into force between Chile and each Central American country on its own
  // day (Art. 21.03: the thirtieth day from their exchange of ratifications); ToTA gives one date, 2002-06-01, which
  // is neither the first (Costa Rica's) nor El Salvador's. Honduras (2008), Guatemala (2010) and Nicaragua (2012)
  // keep no date of their own: no two sources found agree on the day (docs/coherence-rules.md, facts23).
  {
    fileName: 'pta_49.xml',
    field: 'dateIntoForce',
    totaValue: '2002-06-01',
    value: '2002-02-15',
    source: CHILE_COSTA_RICA,
  },
  {
    fileName: 'pta_49.xml',
    field: 'dateIntoForce',
    parties: ['CHL', 'CRI'],
    totaValue: '2002-06-01',
    value: '2002-02-15',
    source: CHILE_COSTA_RICA,
  },
  {
    fileName: 'pta_49.xml',
    field: 'dateIntoForce',
    parties: ['SLV'],
    totaValue: '2002-06-01',
    value: '2002-06-03',
    source:
      'ALADI, "Tratado de Libre Comercio Chile - América Central" (www2.aladi.org, nuevostemas.nsf, its list of ' +
      'entries into force by country), gives El Salvador 3 June 2002; El Mercurio (emol.com, 2002-06-02, "Mañana ' +
      'entra en vigor tratado de comercio entre Chile y El Salvador") reports that it enters into force the next day, ' +
      'El Salvador the second Central American country after Costa Rica (read 2026-12-07)',
  },
  // data26: Guatemala's day is not settled, but both sources have it in force on 23 March 2010: a bound.
  {
    fileName: 'pta_49.xml',
    field: 'dateIntoForce',
    parties: ['GTM'],
    precision: 'AT_LATEST',
    totaValue: '2002-06-01',
    value: '2010-03-23',
    source:
      'the Chilean ambassador in Guatemala to Prensa Libre (bilaterals.org, 2019-03-26, "A nueve años de vigencia, ' +
      'Chile propone actualizar TLC con Guatemala"): in force since 23 March 2010; La Tercera (latercera.com, the ' +
      "report of Bachelet's act at Tikal with President Colom in February 2010): in force since the previous November. " +
      'The sources disagree on the day; both have it in force on 23 March 2010, recorded as a bound (read 2026-12-08)',
  },
  // data26: CAFTA-DR (ToTA 2006-03-01, its first entry into force) entered into force for each party on its own day
  // (Art. 22.5: for a signatory once it has notified the depositary, the OAS, that it has completed its procedures).
  ...(
    [
      [
        ['USA', 'SLV'],
        '2006-03-01',
        'for El Salvador, the first (USTR, statement of Rob Portman of 2006-02-24; ' +
          'proclamation for El Salvador as of 1 March 2006)',
      ],
      [
        ['HND', 'NIC'],
        '2006-04-01',
        'for Honduras and Nicaragua (USTR, statement of Rob Portman of March 2006 on ' +
          'the proclamation for both on 1 April 2006; Proclamation 7996 of 31 March 2006, 3 CFR 2006)',
      ],
      [
        ['GTM'],
        '2006-07-01',
        'for Guatemala (USTR, statement of Susan Schwab on the proclamation for Guatemala as ' +
          'of 1 July 2006, as Farm Progress reports it)',
      ],
      [
        ['DOM'],
        '2007-03-01',
        'for the Dominican Republic (USTR, statement of Susan Schwab of 2007-03-01 on the ' +
          'proclamation as of 1 March 2007)',
      ],
      [
        ['CRI'],
        '2009-01-01',
        'for Costa Rica, the last (USTR, statement of Susan Schwab on the proclamation for ' +
          'Costa Rica as of 1 January 2009, archived by buyusa.gov)',
      ],
    ] as const
  ).map(([parties, value, which]): TotaMetaCorrection => ({
    fileName: 'pta_23.xml',
    field: 'dateIntoForce',
    parties,
    totaValue: '2006-03-01',
    value,
    source:
      `the United States' proclamations ${which}; the US Embassy in San Salvador ("Central America Free Trade ` +
      'Agreement (CAFTA-DR)", sv.usembassy.gov) gives every day: El Salvador 1 March 2006, Honduras and ' +
      'Nicaragua 1 April 2006, Guatemala 1 July 2006, the Dominican Republic 1 March 2007, Costa Rica 1 January ' +
      '2009 (read 2026-12-08)',
  })),
  {
    fileName: 'pta_337.xml',
    field: 'status',
    totaValue: 'In Force',
    value: 'Inactive',
    source:
      'Jordan suspended the Turkey - Jordan FTA in March 2018 and formally notified Turkey of its termination ' +
      '(The Jordan Times, 2018-05-27, https://jordantimes.com/news/local/ankara-officially-informed-about-jordan%E2%80%99s-intent-terminate-fta); ' +
      'cancelled by Jordan in 2018 (Hurriyet Daily News, 2019-10-02, ' +
      'http://www.hurriyetdailynews.com/turkey-jordan-sign-agreement-to-boost-bilateral-trade-147054); ' +
      'the day it ended is not stated; read 2026-12-05',
  },
];

/**
 * States that joined an agreement after ToTA's snapshot (the WTO card as copied in 2017) or that the card never
 * listed, which ToTA's file does not name among its parties: added as ACCEDED, with the day they became bound only
 * where the sources agree on it (else none: listed, bound on no date we can name). A correction applies only while
 * the file does not list the state. A suspension of its rights and obligations as a party, where a source states it, is
 * recorded as such (`suspendedFrom`, with `suspensionSource`: not bound while it lasts), never as a withdrawal; one of
 * the participation in the bloc's organs alone (Paraguay's, 2012-2013) is a note (`TOTA_PARTICIPATION_SUSPENSIONS`).
 */
export interface TotaLaterParty {
  fileName: string;
  code: string;
  dateJoined: string | null;
  source: string;
  /** The day the party's rights and obligations as a party were suspended (not lifted since), and where stated. */
  suspendedFrom?: string;
  suspensionSource?: string;
}

export const TOTA_LATER_PARTIES: readonly TotaLaterParty[] = [
  // truth10: MERCOSUR's members were listed as its four founders alone.
  {
    fileName: 'pta_119.xml',
    code: 'VEN',
    dateJoined: null,
    source:
      'Venezuela signed its Protocol of Accession in 2006 (DESTA v2.02 entry 604+1, "MERCOSUR Venezuela accession", ' +
      'in force 2012) and was welcomed as a full member at Rio de Janeiro on 31 July 2012 (calle23.blogspot.com, ' +
      '2012-09); MERCOSUR suspended it from the exercise of its rights in December 2016 and, on 5 August 2017, in ' +
      'all the rights and obligations of a State Party (Protocol of Ushuaia, Art. 5; mercosur.int, "Decisão sobre a ' +
      'suspensão da República Bolivariana da Venezuela no MERCOSUL"; DESTA entry 604_1 codes it a withdrawal, which ' +
      'it is not). A member still, suspended since 5 August 2017; the day it became bound is not given (read ' +
      '2026-12-06)',
    suspendedFrom: '2017-08-05',
    suspensionSource:
      'mercosur.int, "Decisão sobre a suspensão da República Bolivariana da Venezuela no MERCOSUL" (São Paulo, ' +
      '5 August 2017): all the rights and obligations inherent to its condition as a State Party suspended under ' +
      'Art. 5 of the Protocol of Ushuaia; its rights had been suspended in December 2016 (read 2026-12-06)',
  },
  {
    fileName: 'pta_119.xml',
    code: 'BOL',
    dateJoined: null,
    source:
      "Bolivia's Protocol of Accession was signed on 17 July 2015 (Library of Congress, Global Legal Monitor, " +
      '2015-08-18; DESTA v2.02 entry 604+2); Bolivia deposited its instrument of ratification at the 64th summit ' +
      'in Asuncion, the protocol entering into force 30 days later (mercosur.int, "A Bolivia depositou o ' +
      'instrumento de ratificação do Protocolo de Adesão ao MERCOSUL"); a State Party from 8 August 2024 after the ' +
      'deposit of 8 July 2024 (blog Direito e Integração Regional, sites.google.com, 2024-09). Thirty days after 8 July ' +
      'is 7 August: the sources do not settle the day, so none is given (read 2026-12-06)',
  },
];

/**
 * States ToTA lists among a file's current parties that left it on a day a source gives (ToTA's list is the WTO card's
 * of 2017, which kept Venezuela in the Andean Community eleven years after it left): recorded as withdrawn on that day,
 * so bound until it and not after (`withDatedWithdrawals`). A correction applies only while the file lists the state
 * and does not already record it as withdrawn.
 */
export interface TotaWithdrawal {
  fileName: string;
  code: string;
  /** The day it left, from the source: the first day it is no longer bound. */
  dateWithdrawn: string;
  source: string;
}

export const TOTA_WITHDRAWALS: readonly TotaWithdrawal[] = [
  // truth14: ToTA pta_116 (the Andean Community: the Cartagena Agreement as the Quito Protocol of 1987 amended it)
  // lists Venezuela among the current parties; DESTA v2.02 entry 26_1 gives a withdrawal in 2006, with no day.
  {
    fileName: 'pta_116.xml',
    code: 'VEN',
    dateWithdrawn: '2006-04-22',
    source:
      'Venezuela denounced the Cartagena Agreement by a letter to the Andean Community Commission dated Caracas, 22 ' +
      'April 2006 (the letter, in translation: scoop.co.nz, "Venezeula Renounces Cartagena, Leaves Andean Com."); the ' +
      'Secretary-General confirmed that the General Secretariat received it on the evening of 22 April 2006 (China ' +
      'Radio International, 2006-04-24); under the denunciation article of the text ToTA holds (Article 153 of the ' +
      'codified Cartagena Agreement) a denouncing member ceases to have the rights and obligations of a member from ' +
      'the moment it informs the Commission, except the benefits of the tariff reduction programme, kept for five ' +
      'years (so to April 2011; Estadão, 2006-04-21, quoting the same rule), which are not recorded as a binding; ' +
      'DESTA v2.02 entry 26_1 (withdrawal, 2006) agrees on the year (read 2026-12-06)',
  },
];

/**
 * The day a party ToTA lists among a file's original parties, and DESTA records as acceding later in a year with no day
 * (`laterAccessions`), acceded, where a source gives it: `withDestaAccessions` records it as the party's `dateJoined`,
 * bound from then (the agreement's own first date where that is later), and says so with its source. A correction
 * applies only while DESTA records the accession.
 */
export interface TotaAccessionDate {
  fileName: string;
  code: string;
  dateJoined: string;
  source: string;
}

export const TOTA_ACCESSION_DATES: readonly TotaAccessionDate[] = [
  // data26: AFTA (pta_115, the CEPT Agreement of 1992); DESTA v2.02 entry 64+3 gives Cambodia's accession, 1999.
  {
    fileName: 'pta_115.xml',
    code: 'KHM',
    dateJoined: '1999-04-30',
    source:
      'the Protocol for the Accession of the Kingdom of Cambodia to ASEAN Agreements, Ha Noi, 30 April 1999 (ASEAN ' +
      "Secretariat, asean.or.id/2097.htm): Cambodia a Member State of ASEAN that day and acceding by the Protocol's " +
      'own words to the ASEAN agreements it lists; the ASEAN Secretariat\'s press release "Kingdom of Cambodia joins ' +
      'ASEAN" (asean.or.id/news/accam_pr.htm): the two documents signed at Hanoi on 30 April, by the second of which ' +
      'Cambodia acceded to 27 ASEAN agreements, the CEPT Agreement among the three with specific conditions (its ' +
      'tariff schedule); DESTA v2.02 entry 64+3 gives the year, 1999 (read 2026-12-08)',
  },
];

/** The dated accession (`TOTA_ACCESSION_DATES`) of a file's party, or undefined. */
export function accessionDateOf(
  fileName: string,
  code: string,
  corrections: readonly TotaAccessionDate[] = TOTA_ACCESSION_DATES,
): TotaAccessionDate | undefined {
  return corrections.find((c) => c.fileName === fileName && c.code === code);
}

/** The withdrawals (`TOTA_WITHDRAWALS`) of a file's parties that it lists. */
export function withdrawalsOf(
  fileName: string,
  listed: readonly string[],
  corrections: readonly TotaWithdrawal[] = TOTA_WITHDRAWALS,
): TotaWithdrawal[] {
  return corrections.filter((c) => c.fileName === fileName && listed.includes(c.code));
}

/**
 * Suspensions of a party's participation in a bloc's organs and deliberations that left its rights and obligations
 * under the treaty as they were: written in the record's note on the parties' dates, with their source, and never as a
 * suspension of the party (`suspendedFrom`, not bound while it lasts), which would be the misreport. Paraguay in
 * MERCOSUR, 2012-2013: suspended under Art. 5 of the Protocol of Ushuaia from participating in the organs and
 * deliberations only (Venezuela's of 2017 suspended all its rights and obligations as a State Party, and is recorded as
 * a suspension: `TOTA_LATER_PARTIES`).
 */
export interface TotaParticipationSuspension {
  fileName: string;
  code: string;
  from: string;
  /** The day it ended (participation restored), where a source gives it. */
  until: string | null;
  source: string;
}

export const TOTA_PARTICIPATION_SUSPENSIONS: readonly TotaParticipationSuspension[] = [
  {
    fileName: 'pta_119.xml',
    code: 'PRY',
    from: '2012-06-29',
    until: '2013-08-15',
    source:
      'decision of the presidents of Argentina, Brazil and Uruguay at Mendoza, 29 June 2012: Paraguay suspended from ' +
      'the right to participate in the organs of MERCOSUR and in its deliberations under Art. 5 of the Protocol of ' +
      'Ushuaia, the suspension to bring it no harm (Pressenza, 2012-07-01, the decision in translation); no economic ' +
      'sanction, said the Argentine president announcing it (RT, 2012-06-29); the suspension ceased from the ' +
      'inauguration of the new constitutional government on 15 August 2013, by the decision on the cessation of ' +
      "Paraguay's suspension of 12 July 2013 at Montevideo (its text: centraldenoticiavenezuela.blogspot.com, " +
      '2013-07; read out by the Uruguayan foreign minister: infobae.com, 2013-07-12). Its rights and obligations as a ' +
      'State Party were not suspended: bound throughout (read 2026-12-06)',
  },
];

/** The participation suspensions (`TOTA_PARTICIPATION_SUSPENSIONS`) of a file's parties that its record holds. */
export function participationSuspensionsOf(
  fileName: string,
  listed: readonly string[],
  corrections: readonly TotaParticipationSuspension[] = TOTA_PARTICIPATION_SUSPENSIONS,
): TotaParticipationSuspension[] {
  return corrections.filter((c) => c.fileName === fileName && listed.includes(c.code));
}

/** The states to add to a file's parties (`TOTA_LATER_PARTIES`) that it does not list already. */
export function laterPartiesOf(
  fileName: string,
  listed: readonly string[],
  corrections: readonly TotaLaterParty[] = TOTA_LATER_PARTIES,
): TotaLaterParty[] {
  return corrections.filter((c) => c.fileName === fileName && !listed.includes(c.code));
}

/**
 * ToTA files whose body is another agreement's text, or a later version of it (the Convention as amended years
 * after the signature the record gives). The record keeps the file's meta and holds no provisions
 * (METADATA_ONLY), since the clauses would be dated and attributed to the wrong agreement: as the earliest text of
 * their family, they would be named the template their true source copied. A correction applies only while the
 * file's first article is the one named (`firstArticleId`), as ToTA gave it when the team read it.
 */
export interface TotaTextOfAnother {
  fileName: string;
  firstArticleId: string;
  /**
   * The text is kept, said to be what it is: another instrument of the same days and parties' line (an implementing
   * agreement weeks later; the bilateral a third state joined two weeks later), whose clauses no family or report
   * would date or attribute otherwise. Without it the text is left out.
   */
  kept?: true;
  /** What the text is, and how that was established, in the team's words. */
  source: string;
}

export const TOTA_TEXTS_OF_ANOTHER: readonly TotaTextOfAnother[] = [
  {
    fileName: 'pta_206.xml',
    firstArticleId: '17642',
    source:
      'the text ToTA holds under the 1976 EC - Algeria agreement is the Euro-Mediterranean Association Agreement ' +
      'signed on 2002-04-22 (pta_16.xml): its last article names the 1976 agreements as the ones it replaces, and ' +
      'its articles match pta_16.xml; the 1976 text is not in ToTA (read 2026-12-05)',
  },
  // truth8: four more, found by their final clauses' dates (test/corpus/truth.corpus-spec.ts).
  {
    fileName: 'pta_65.xml',
    firstArticleId: '7444',
    source:
      'the text ToTA holds under the EU - Mexico agreement signed on 1997-12-08 is Decision No 2/2001 of the ' +
      'EU-Mexico Joint Council (trade in services, among others), done at Brussels on 27 February 2001 (its final ' +
      "clause), not the 1997 agreement; dated 1997, its clauses were named the source of EFTA - Mexico (2000)'s " +
      '(read 2026-12-05)',
  },
  {
    fileName: 'pta_134.xml',
    firstArticleId: '11432',
    source:
      'the text ToTA holds under the EU - OCT association of 1970-09-29 is the Council Decision of 27 November ' +
      '2001 on the association of the overseas countries and territories (2001/822/EC, its opening words), a ' +
      'unilateral act of the Council; dated 1970, its clauses were named the source of the Europe Agreements of ' +
      'the 1990s (read 2026-12-05)',
  },
  {
    fileName: 'pta_203.xml',
    firstArticleId: '17552',
    kept: true,
    source:
      'the text ToTA holds under the Czech Republic - Slovak Republic customs union (signed on 1992-10-29) is ' +
      'their agreement on agriculture, food processing, forestry and water management within the customs union, ' +
      'done at Bratislava on 23 November 1992 (its final clause), which names the customs union agreement as ' +
      'signed on 29 October 1992; the customs union agreement is not in ToTA; its clauses are dated by the customs ' +
      'union (read 2026-12-05)',
  },
  {
    fileName: 'pta_429.xml',
    firstArticleId: '37833',
    kept: true,
    source:
      'the text ToTA holds under Russian Federation - Belarus - Kazakhstan (signed on 1995-01-20) is the ' +
      'customs union agreement between the Russian Federation and Belarus alone, done on 6 January 1995 in ' +
      'Minsk (its title and final clause; it is open to the other CIS states); Kazakhstan is not among its ' +
      "parties, and the text Kazakhstan signed is not in ToTA; its clauses are dated by ToTA's date (read " +
      '2026-12-05)',
  },
  // truth9: found by its final clause's 'AMENDED at ... this <date>' (test/corpus/truth.corpus-spec.ts).
  {
    fileName: 'pta_138.xml',
    firstArticleId: '11554',
    source:
      'the text ToTA holds under the EFTA Convention signed at Stockholm on 1960-01-04 is the Convention as ' +
      "amended at Vaduz on 21 June 2001 (its final clause gives both dates, the second as the amendment's; the " +
      'file ToTA names is the Vaduz Convention), whose articles refer to the amending Agreement of 21 June 2001; ' +
      'the 1960 text is not in ToTA; dated 1960, its clauses were named the source of clauses signed from 1961 on ' +
      '(the EEC - Greece association agreement, the Europe Agreements of 1991, the EEA) (read 2026-12-06)',
  },
];

/** The note for a file whose body is another agreement's text, and whether the text is kept; or null. */
export function textOfAnother(
  fileName: string,
  firstArticleId: string | null,
  corrections: readonly TotaTextOfAnother[] = TOTA_TEXTS_OF_ANOTHER,
): { note: string; kept: boolean } | null {
  const found = corrections.find((c) => c.fileName === fileName && c.firstArticleId === firstArticleId);
  if (!found) return null;
  return found.kept
    ? { note: `Text held: ${found.source}`, kept: true }
    : { note: `Text left out: ${found.source}`, kept: false };
}

/**
 * The corrected value of a field of one file (the agreement's, not a party's: `partyEntriesIntoForce`), with the note
 * saying what ToTA gave and why it was changed.
 */
export function metaCorrection(
  fileName: string,
  field: TotaMetaCorrection['field'],
  totaValue: string | null,
  corrections: readonly TotaMetaCorrection[] = TOTA_META_CORRECTIONS,
): { value: string; note: string } | null {
  const found = corrections.find(
    (c) => c.fileName === fileName && c.field === field && c.totaValue === totaValue && !c.parties,
  );
  return found
    ? {
        value: found.value,
        note: `Corrected: ToTA (${fileName}) gives ${found.totaValue}${field === 'status' ? ' (the WTO RTA card as ToTA v0.5.0 copied it in 2017)' : ''}; ${found.source} gives ${found.value}`,
      }
    : null;
}

/**
 * The parties' own dates of entry into force a file's corrections give (`TotaMetaCorrection.parties`), while ToTA
 * still gives the agreement the date `totaValue`: each party's date, and the note for the record's `partyDates`
 * (every such party, its date and its source, and the one date ToTA gives for all); null when there is none.
 */
export function partyEntriesIntoForce(
  fileName: string,
  totaValue: string | null,
  corrections: readonly TotaMetaCorrection[] = TOTA_META_CORRECTIONS,
): { dates: Record<string, string>; atLatest: string[]; note: string } | null {
  const found = corrections.filter(
    (c) => c.fileName === fileName && c.field === 'dateIntoForce' && c.totaValue === totaValue && c.parties,
  );
  if (!found.length) return null;
  const dates: Record<string, string> = {};
  const atLatest: string[] = [];
  for (const c of found)
    for (const code of c.parties!) {
      dates[code] = c.value;
      if (c.precision === 'AT_LATEST') atLatest.push(code);
    }
  const undated = TOTA_UNDATED_PARTIES.filter((u) => u.fileName === fileName);
  return {
    dates,
    atLatest,
    note:
      `entered into force for each on its own day, where ToTA (${fileName}) gives one date, ${totaValue}, for all: ` +
      found
        .map(
          (c) =>
            `${c.parties!.join(', ')} ${c.precision === 'AT_LATEST' ? `on or before ${c.value} (a bound, its own day not recorded)` : `on ${c.value}`}: ${c.source}`,
        )
        .join('; ') +
      undated.map((u) => `; ${u.parties.join(', ')}: no date of its own recorded, ${u.reason}`).join(''),
  };
}

/**
 * Parties of a file with corrected parties' dates (`partyEntriesIntoForce`) whose own day no two sources agree on, nor
 * any bound: said in the same note, with why, so that the record says why they are dated by the agreement's first date.
 */
export const TOTA_UNDATED_PARTIES: readonly {
  fileName: string;
  parties: readonly string[];
  reason: string;
}[] = [
  {
    fileName: 'pta_49.xml',
    parties: ['HND'],
    reason:
      'as one source only gives a day: ALADI ("Tratado de Libre Comercio Chile - América Central", www2.aladi.org), ' +
      '28 August 2008, the day the Chilean Diario Oficial published the protocol (Decree 269 of 17 November 2008); not ' +
      'confirmed (read 2026-12-07 and 2026-12-08)',
  },
  {
    fileName: 'pta_49.xml',
    parties: ['NIC'],
    reason:
      'as no source found gives its day: the bilateral protocol was signed on 22 February 2011 (chile.gob.cl) and ' +
      "ratified by Nicaragua's assembly on 31 August 2011 (EFE); centroamericaeconomia.com gives the year 2012 only " +
      '(read 2026-12-07 and 2026-12-08)',
  },
];
