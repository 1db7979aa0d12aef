const MAX_SHEET_NAME = 31;
const RESERVED = ['history'];

/**
 * Valid, unique worksheet names: no * ? : \ / [ ], no leading or trailing apostrophe, at most 31 characters,
 * unique ignoring case (as Excel compares them), never "History". Duplicates get " (2)", " (3)"... A longer
 * title is cut after its last whole word that fits, with an ellipsis ("Résultats par paragraphe des…", not
 * "Résultats par paragraphe des Di"); a single word longer than that is cut where it must.
 */
export function uniqueSheetNames(titles: string[], taken: string[] = [], ids: string[] = []): string[] {
  const used = new Set([...taken, ...RESERVED].map((n) => n.toLowerCase()));
  // Long titles that the cut makes alike ("Share of agreements with…" twice), where no section gave a short name
  // in its language (`Section.sheetName`, which the trends' shares give), are named by their sections' ids
  // instead, the names of their CSV files in the ZIP, rather than told apart by "(2)", which says nothing of
  // which is which.
  const cut = titles.map((title) => shorten(cleanSheetName(title), MAX_SHEET_NAME).toLowerCase());
  const alike = (index: number) =>
    cleanSheetName(titles[index]).length > MAX_SHEET_NAME &&
    cut.some((other, j) => j !== index && other === cut[index]);
  const named = titles.map((title, index) => {
    const id = cleanSheetName(ids[index] ?? '');
    return id && id.length <= MAX_SHEET_NAME && alike(index) ? id : title;
  });
  return named.map((title, index) => {
    const base = cleanSheetName(title) || `Sheet ${index + 1}`;
    let name = shorten(base, MAX_SHEET_NAME);
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = shorten(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

function shorten(name: string, max: number): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? `${cut.slice(0, space).trim()}…` : name.slice(0, max).trim();
}

function cleanSheetName(title: string): string {
  return (
    title
      // eslint-disable-next-line no-control-regex
      .replace(/[*?:\\/[\]\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim()
  );
}
