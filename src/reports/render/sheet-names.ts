const MAX_SHEET_NAME = 31;
const RESERVED = ['history'];

/**
 * Valid, unique worksheet names: no * ? : \ / [ ], no leading or trailing apostrophe, at most 31 characters,
 * unique ignoring case (as Excel compares them), never "History". Duplicates get " (2)", " (3)"...
 */
export function uniqueSheetNames(titles: string[], taken: string[] = []): string[] {
  const used = new Set([...taken, ...RESERVED].map((n) => n.toLowerCase()));
  return titles.map((title, index) => {
    const base = cleanSheetName(title) || `Sheet ${index + 1}`;
    let name = base.slice(0, MAX_SHEET_NAME).trim();
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, MAX_SHEET_NAME - suffix.length).trim() + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
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
