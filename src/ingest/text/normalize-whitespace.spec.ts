import { normalizeWhitespace, normalizeWithOffsets, toOriginalSpan } from './normalize-whitespace';

describe('normalizeWithOffsets', () => {
  it('folds white space like normalizeWhitespace and maps every character back', () => {
    const original = '  cultural\u00a0\r\n industries \u2028are\tout ';
    const normalized = normalizeWithOffsets(original);
    expect(normalized.text).toBe(normalizeWhitespace(original));
    expect(normalized.text).toBe('cultural industries are out');
    for (let i = 0; i < normalized.text.length; i++) {
      const source = original[normalized.origin[i]];
      expect(normalized.text[i] === ' ' ? /\s/.test(source) : source === normalized.text[i]).toBe(true);
    }
  });

  it('maps a span back to the original text', () => {
    const original = 'a\n\nbroadcasting\u00a0 services here';
    const normalized = normalizeWithOffsets(original);
    const start = normalized.text.indexOf('broadcasting');
    const end = start + 'broadcasting services'.length;
    const span = toOriginalSpan(normalized, start, end);
    expect(original.slice(span.start, span.end)).toBe('broadcasting\u00a0 services');
  });

  it('handles empty and blank texts', () => {
    expect(normalizeWithOffsets('').text).toBe('');
    expect(normalizeWithOffsets(' \n ').text).toBe('');
  });
});
