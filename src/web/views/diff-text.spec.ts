import { markup } from '../html';
import { spacedSegments } from './diff-text';

const shown = (segments: { kind: string; text: string }[]) =>
  String(
    spacedSegments(segments, (s) =>
      s.kind === 'EQUAL'
        ? s.text
        : s.kind === 'DELETE'
          ? markup`<del>${s.text}</del>`
          : markup`<ins>${s.text}</ins>`,
    ),
  );

describe('spacedSegments', () => {
  it('spaces changed words from their neighbours, but not inside brackets or before punctuation', () => {
    expect(
      shown([
        { kind: 'EQUAL', text: 'other than Art. 203 (' },
        { kind: 'DELETE', text: 'whose text' },
        { kind: 'INSERT', text: 'tariff elimination' },
        { kind: 'EQUAL', text: ') expressly' },
        { kind: 'INSERT', text: 'says' },
        { kind: 'EQUAL', text: ', and' },
      ]),
    ).toBe(
      'other than Art. 203 (<del>whose text</del> <ins>tariff elimination</ins>) expressly <ins>says</ins>, and',
    );
  });

  it('adds no space where a segment already has one', () => {
    expect(
      shown([
        { kind: 'EQUAL', text: 'the ' },
        { kind: 'INSERT', text: 'whole' },
        { kind: 'EQUAL', text: ' Agreement' },
      ]),
    ).toBe('the <ins>whole</ins> Agreement');
  });
});
