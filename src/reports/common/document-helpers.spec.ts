import { evidenceListCell } from './document-helpers';

describe('evidenceListCell', () => {
  it('links each provision once, however many of its annotations a finding cites', () => {
    const ref = (pinpoint: string) => ({ pinpoint, link: `/provisions/${pinpoint}` }) as never;
    expect(
      evidenceListCell(
        [ref('canada-jordan/art-15-5'), ref('canada-jordan/art-15-5'), ref('canada-jordan/art-1')],
        'https://ct.example',
        null,
      ),
    ).toEqual([
      { text: 'canada-jordan/art-15-5', href: 'https://ct.example/provisions/canada-jordan/art-15-5' },
      { text: 'canada-jordan/art-1', href: 'https://ct.example/provisions/canada-jordan/art-1' },
    ]);
    expect(evidenceListCell([], '', 'absence of a reference')).toBe('absence');
  });
});
