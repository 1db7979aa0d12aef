import { fromGlobalId, toGlobalId } from './global-id';

describe('global ids', () => {
  it('reads the id it issues, and the same id in standard base64 with its padding', () => {
    const id = toGlobalId('Provision', 279);
    expect(id).toBe('UHJvdmlzaW9uOjI3OQ');
    expect(fromGlobalId(id)).toEqual({ type: 'Provision', key: '279' });
    expect(fromGlobalId('UHJvdmlzaW9uOjI3OQ==')).toEqual({ type: 'Provision', key: '279' });
    const slug = toGlobalId('Agreement', 'eu-korea-fta~?');
    const standard = Buffer.from('Agreement:eu-korea-fta~?').toString('base64');
    expect(standard).toMatch(/[+/]/);
    expect(fromGlobalId(standard)).toEqual(fromGlobalId(slug));
  });

  it('names nothing for text that is not one of its ids', () => {
    for (const text of ['', 'x', 'UHJvdmlzaW9uOjI3OQ===', 'VW5rbm93bjox', '%%%'])
      expect([text, fromGlobalId(text)]).toEqual([text, null]);
  });
});
