import { describe, expect, it } from 'vitest';
import { redactText } from './redact-text';
import { sanitizeCause } from './sanitize-cause';

const token = 'hvs.CANARYTOKENabcdefghijklmnopqrstuv';

describe('sanitizeCause', () => {
  it('keeps name, code, status and the cause chain, and drops request, response, config and headers', () => {
    const socketError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8200'), {
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    });
    const axiosLike = Object.assign(new Error('Request failed with status code 403'), {
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      config: { headers: { 'X-Vault-Token': token }, data: '{"secret_id":"CANARY-SECRET-ID"}' },
      request: { _header: `GET /v1/secret HTTP/1.1\r\nX-Vault-Token: ${token}` },
      response: { status: 403, data: { errors: ['permission denied'] }, headers: {} },
      cause: socketError,
    });
    const sanitized = sanitizeCause(axiosLike);
    expect(sanitized).toMatchObject({ name: 'AxiosError', code: 'ERR_BAD_REQUEST', status: 403 });
    expect(sanitized.cause).toMatchObject({
      code: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
    });
    const everything = JSON.stringify({
      ...sanitized,
      stack: sanitized.stack,
      keys: Object.keys(sanitized),
    });
    expect(everything).not.toContain('CANARY');
    expect(everything).not.toContain('config');
    expect(everything).not.toContain('request');
  });

  it('redacts given secrets and credential-shaped text from messages and stacks', () => {
    const error = new Error(`login failed for secret CANARY-CLIENT-SECRET-99 with Bearer ${token}`);
    const sanitized = sanitizeCause(error, ['CANARY-CLIENT-SECRET-99']);
    expect(sanitized.message).not.toContain('CANARY');
    expect(sanitized.stack).not.toContain('CANARY');
    expect(sanitized.message).toContain('[REDACTED]');
  });

  it('turns non-errors into errors and bounds a cyclic cause chain', () => {
    expect(sanitizeCause('plain text').message).toBe('plain text');
    const cyclic: Error & { cause?: unknown } = new Error('loop');
    cyclic.cause = cyclic;
    let depth = 0;
    let current: unknown = sanitizeCause(cyclic);
    while (current instanceof Error) {
      depth += 1;
      current = current.cause;
    }
    expect(depth).toBeLessThanOrEqual(5);
  });
});

describe('redactText', () => {
  it('redacts longer secrets first so that a secret containing another leaves nothing behind', () => {
    expect(redactText('abcd-efgh and abcd', ['abcd', 'abcd-efgh'])).toBe(
      '[REDACTED] and [REDACTED]',
    );
  });

  it('leaves secrets shorter than four characters alone and keeps ordinary text', () => {
    expect(redactText('the key is abc', ['abc'])).toBe('the key is abc');
  });

  it('redacts tokens and credential assignments it was not told about', () => {
    const text = redactText(
      `X-Vault-Token: ${token} client_secret=s3cr3tvalue "secret_id":"abcdef123456" eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig`,
    );
    expect(text).not.toContain('CANARYTOKEN');
    expect(text).not.toContain('s3cr3tvalue');
    expect(text).not.toContain('abcdef123456');
    expect(text).not.toContain('eyJzdWIi');
  });
});

describe('redactText on prose', () => {
  it('keeps a location label that merely names a credential setting', () => {
    const message =
      'steps/deploy settings password: No integration named "vault-prod"; create it first';
    expect(redactText(message)).toBe(message);
  });

  it('still redacts JSON fields, form fields and token headers', () => {
    expect(redactText('{"password": "hunter2hunter2"}')).toBe('{"password": "[REDACTED]"}');
    expect(redactText('body client_secret=abc123def&grant_type=x')).toBe(
      'body client_secret=[REDACTED]&grant_type=x',
    );
    expect(redactText('X-Vault-Token: hvs.short')).toBe('X-Vault-Token: [REDACTED]');
  });
});
