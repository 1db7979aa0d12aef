import { contrastRatio, needsLightText, relativeLuminance, shadeHex } from './shading';

describe('shading', () => {
  it('keeps text on every shade at 4.5:1 or more (WCAG AA), black or white as the shade needs', () => {
    for (let i = 0; i <= 200; i++) {
      const level = i / 200;
      const background = relativeLuminance(shadeHex(level));
      const text = needsLightText(level) ? 1 : 0;
      expect({ level, ratio: contrastRatio(background, text) >= 4.5 }).toEqual({ level, ratio: true });
    }
  });

  it('computes the WCAG figures', () => {
    expect(contrastRatio(relativeLuminance('#ffffff'), relativeLuminance('#000000'))).toBeCloseTo(21, 5);
    expect(contrastRatio(relativeLuminance('#767676'), 1)).toBeCloseTo(4.54, 2);
  });
});
