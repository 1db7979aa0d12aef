import { markup, Html } from '../html';

export interface TextSegment {
  kind: string;
  text: string;
}

/**
 * Segments of a word diff one after the other, as a reader expects the words spaced: EQUAL text carries the
 * spaces of the newer text, so a changed run next to it may have none; one is put between two segments unless
 * either side has it, the next starts with a closing mark or the previous ends with an opening one.
 */
export function spacedSegments<S extends TextSegment>(
  segments: S[],
  render: (segment: S) => Html | string,
): Html {
  const parts: (Html | string)[] = [];
  let previous = '';
  for (const segment of segments) {
    const text = segment.text;
    const space = previous && !/[\s([]$/.test(previous) && !/^[\s,.;:)\]]/.test(text) ? ' ' : '';
    parts.push(markup`${space}${render(segment)}`);
    previous = text;
  }
  return markup`${parts}`;
}
