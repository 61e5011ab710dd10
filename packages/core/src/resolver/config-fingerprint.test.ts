import { describe, expect, it } from 'vitest';
import { canonicalJson, configFingerprint } from './config-fingerprint';

describe('configFingerprint', () => {
  it('ignores key order at every level', () => {
    expect(configFingerprint('vault', { a: 1, b: { c: 2, d: [1, { e: 3, f: 4 }] } })).toBe(
      configFingerprint('vault', { b: { d: [1, { f: 4, e: 3 }], c: 2 }, a: 1 }),
    );
  });

  it('changes with any setting, and with the type', () => {
    const base = configFingerprint('vault', { address: 'https://a', secretId: 'one' });
    expect(configFingerprint('vault', { address: 'https://a', secretId: 'two' })).not.toBe(base);
    expect(configFingerprint('openbao', { address: 'https://a', secretId: 'one' })).not.toBe(base);
  });

  it('never contains the config itself', () => {
    expect(configFingerprint('vault', { secretId: 'CANARY-SECRET-ID-7f3a' })).toMatch(
      /^[0-9a-f]{64}$/,
    );
    expect(canonicalJson({ b: 1, a: [2, 3] })).toBe('{"a":[2,3],"b":1}');
  });
});
