import { chartedCodes } from './trends-chart';

describe('chartedCodes', () => {
  const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
  // Agreements with each code, over two years: F 5, B 3, then A, D and E 2 each (A and D come first), C 1.
  const groups = [
    {
      counts: [
        { code: 'A', agreements: 1 },
        { code: 'B', agreements: 3 },
        { code: 'D', agreements: 2 },
        { code: 'F', agreements: 4 },
      ],
    },
    {
      counts: [
        { code: 'A', agreements: 1 },
        { code: 'C', agreements: 1 },
        { code: 'E', agreements: 2 },
        { code: 'F', agreements: 1 },
      ],
    },
  ];

  it('draws by default the codes found in the most agreements, in the report order (it drew all ten)', () => {
    expect(chartedCodes(codes, groups, false, 4)).toEqual(['A', 'B', 'D', 'F']);
    expect(chartedCodes(codes, groups, false, 5)).toEqual(['A', 'B', 'D', 'E', 'F']);
  });

  it('draws every code the reader chose, and every code when there are few', () => {
    expect(chartedCodes(codes, groups, true, 4)).toEqual(codes);
    expect(chartedCodes(['A', 'C'], groups, false, 4)).toEqual(['A', 'C']);
  });
});
