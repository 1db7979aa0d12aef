import { orderLanguageVersions, VersionMeta, versionKey } from './tota-versions';

const meta = (overrides: Partial<VersionMeta>): VersionMeta => ({
  treatyIdentifier: '1',
  name: 'Atlantis - Lemuria',
  wtoRtaId: '77',
  dateSigned: '2012-02-29',
  partiesOriginal: ['ATL', 'LEM'],
  parties: [],
  language: 'en',
  ...overrides,
});

describe('language versions of one treaty', () => {
  it('share a key: same WTO id, signature date and parties (in any order)', () => {
    expect(versionKey(meta({}))).toBe(
      versionKey(meta({ treatyIdentifier: '2', language: 'es', partiesOriginal: ['LEM', 'ATL'] })),
    );
    expect(versionKey(meta({}))).not.toBe(versionKey(meta({ dateSigned: '2012-03-01' })));
    expect(versionKey(meta({}))).not.toBe(versionKey(meta({ partiesOriginal: ['ATL', 'LEM', 'MU'] })));
    expect(versionKey(meta({}))).not.toBe(versionKey(meta({ wtoRtaId: '78' })));
  });

  it('without a WTO id, the name stands in for it; without a date or language there is no key', () => {
    expect(versionKey(meta({ wtoRtaId: null }))).toBe(versionKey(meta({ wtoRtaId: null, language: 'fr' })));
    expect(versionKey(meta({ wtoRtaId: null }))).not.toBe(
      versionKey(meta({ wtoRtaId: null, name: 'Lemuria - Atlantis' })),
    );
    expect(versionKey(meta({ dateSigned: null }))).toBeNull();
    expect(versionKey(meta({ language: null }))).toBeNull();
  });

  it('orders each treaty’s files together, English first, else in file order; others keep their place', () => {
    const items = [
      { file: 'a', meta: meta({ treatyIdentifier: '1', language: 'es' }) },
      { file: 'b', meta: meta({ treatyIdentifier: '2', wtoRtaId: '90' }) },
      { file: 'c', meta: null },
      { file: 'd', meta: meta({ treatyIdentifier: '4', language: 'en' }) },
      { file: 'e', meta: meta({ treatyIdentifier: '5', language: 'fr', wtoRtaId: '90' }) },
      { file: 'f', meta: meta({ treatyIdentifier: '6', language: 'pt', wtoRtaId: '90' }) },
    ];
    const groups = orderLanguageVersions(items).map((g) => g.map((i) => i.file));
    expect(groups).toEqual([['d', 'a'], ['b', 'e', 'f'], ['c']]);
  });

  it('two files in the same language are not versions of each other', () => {
    const items = [
      { file: 'a', meta: meta({ treatyIdentifier: '1' }) },
      { file: 'b', meta: meta({ treatyIdentifier: '2' }) },
    ];
    expect(orderLanguageVersions(items).map((g) => g.map((i) => i.file))).toEqual([['a'], ['b']]);
  });
});
