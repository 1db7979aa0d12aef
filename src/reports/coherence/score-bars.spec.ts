import { renderChartSvg } from '../render/svg-charts';
import { PALETTE } from '../render/svg-common';
import { scoreBarSeries } from './score-bars';

describe('the score bars', () => {
  const series = scoreBarSeries([{ met: 1, assessed: 3, pending: 1, notAssessed: 2 }], {
    met: 'meets it',
    notAssessed: 'not assessed',
    notMet: 'does not meet it',
    pending: 'awaiting review',
  });
  const svg = renderChartSvg(
    {
      kind: 'bar',
      categoryLabel: 'Paragraph',
      valueLabel: 'Agreements',
      categories: ['§19.5'],
      series,
      stacked: true,
    },
    'scores',
    'Scores',
  );
  const fillOf = (name: string) =>
    new RegExp(`<rect class="bar"[^>]* fill="([^"]+)"[^>]*><title>[^<]*${name}`).exec(svg)?.[1];

  it('draws "does not meet it" in vermilion, never in the green that reads as good', () => {
    expect(fillOf('does not meet it')).toBe(PALETTE[4]);
    expect(fillOf('meets it')).toBe(PALETTE[0]);
  });

  it('stripes the agreements awaiting review, as every chart does, and no other part', () => {
    expect(fillOf('awaiting review')).toBe('url(#scores-pending)');
    expect(fillOf('not assessed')).toBe(PALETTE[1]);
  });
});
