import { connectionOwner } from './http-connections';

describe('connectionOwner', () => {
  it('counts an IPv4 address as itself, written plain or IPv4-mapped', () => {
    expect(connectionOwner('203.0.113.7')).toBe('203.0.113.7');
    expect(connectionOwner('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const owner = '2001:db8:0:1::/64';
    expect(connectionOwner('2001:db8:0:1::1')).toBe(owner);
    expect(connectionOwner('2001:0db8:0000:0001:ffff:1:2:3')).toBe(owner);
    expect(connectionOwner('2001:DB8:0:1:a::')).toBe(owner);
    expect(connectionOwner('2001:db8:0:2::1')).not.toBe(owner);
    expect(connectionOwner('::1')).toBe('0:0:0:0::/64');
  });
});
