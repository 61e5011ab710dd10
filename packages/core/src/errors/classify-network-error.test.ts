import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from './classify-network-error';
import { parseRetryAfter } from './parse-retry-after';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('classifyNetworkError', () => {
  it('finds the code through a fetch-style cause chain', () => {
    const fetchError = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
    expect(classifyNetworkError(fetchError)).toEqual({
      code: 'UNREACHABLE',
      systemCode: 'ECONNREFUSED',
    });
  });

  it.each([
    ['ENOTFOUND', 'UNREACHABLE'],
    ['ECONNRESET', 'UNREACHABLE'],
    ['ETIMEDOUT', 'TIMEOUT'],
    ['UND_ERR_CONNECT_TIMEOUT', 'TIMEOUT'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS_ERROR'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_ERROR'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_ERROR'],
  ])('classifies %s as %s', (systemCode, code) => {
    expect(classifyNetworkError(withCode(systemCode))?.code).toBe(code);
  });

  it('returns undefined for errors that are not transport failures', () => {
    expect(classifyNetworkError(new Error('bad json'))).toBeUndefined();
    expect(classifyNetworkError(withCode('ERR_BAD_REQUEST'))).toBeUndefined();
    expect(classifyNetworkError('text')).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('0.5')).toBe(500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('returns undefined when absent or unreadable', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
