import { normalizeWhitespace } from '../../ingest/text/normalize-whitespace';
import { AnnotatorProvision } from './annotator.types';

// Sources that keep chapters but drop section headings (ToTA) glue the heading of the next section to the end
// of the previous article: "... berthing services. Electronic commerce". A short capitalised tail after the
// last sentence is read as such a heading; a "Sub-section" tail keeps the section it belongs to.
const TAIL_HEADING = /[.;:\]] ([\p{Lu}][^.;:]{2,80})$/u;
// A clause that lost its final full stop is not a heading: headings have no finite verb.
const VERB =
  /(?<![\p{L}])(?:shall|may|must|will|should|is|are|was|were|does|do|has|have|be|apply|applies|deber[áa]n?|podr[áa]n?|ser[áa]n?|se aplica\p{L}*|es|son|doit|doivent|peut|peuvent|est|sont|s'applique\p{L}*)(?![\p{L}])/iu;
const SUB_SECTION = /^sub-?sec(?:tion|ción)\b/i;
const SUB_SECTION_SUFFIX = / Sub-?sec(?:tion|ción) .*$/i;

/** The section title each provision sits in: given by the source, or inferred from headings glued to text. */
export function sectionTitles(provisions: readonly AnnotatorProvision[]): (string | null)[] {
  const titles: (string | null)[] = [];
  let current: string | null = null;
  provisions.forEach((provision, index) => {
    const previous = index > 0 ? provisions[index - 1] : null;
    if (!previous || (previous.chapterTitle ?? null) !== (provision.chapterTitle ?? null)) current = null;
    else {
      const heading = tailHeading(previous.text);
      if (heading && !SUB_SECTION.test(heading)) current = heading.replace(SUB_SECTION_SUFFIX, '');
    }
    titles.push(provision.sectionTitle ?? current);
  });
  return titles;
}

export function tailHeading(text: string): string | null {
  const tail = normalizeWhitespace(text.slice(-200));
  const match = TAIL_HEADING.exec(tail);
  if (!match) return null;
  const heading = match[1].trim();
  return heading.split(' ').length <= 10 && !VERB.test(heading) ? heading : null;
}
