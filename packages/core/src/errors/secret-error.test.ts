import { describe, expect, it } from 'vitest';
import { SecretError } from './secret-error';

describe('SecretError', () => {
  it('is recognised by its marker, also when built by another copy of the package', () => {
    const error = new SecretError({ code: 'SECRET_NOT_FOUND', message: 'missing' });
    const foreign = Object.assign(new Error('x'), { [Symbol.for('fromsecret.error')]: true });
    expect(SecretError.isInstance(error)).toBe(true);
    expect(SecretError.isInstance(foreign)).toBe(true);
    expect(SecretError.isInstance(new Error('missing'))).toBe(false);
    expect(SecretError.isInstance(null)).toBe(false);
    expect(SecretError.isInstance({ code: 'SECRET_NOT_FOUND' })).toBe(false);
  });

  it('keeps the marker out of enumerable properties and JSON', () => {
    const error = new SecretError({ code: 'TIMEOUT', message: 'late' });
    expect(Object.keys(error)).not.toContain(Symbol.for('fromsecret.error').toString());
    expect(JSON.stringify(error)).not.toContain('fromsecret.error');
  });

  it('defaults retryable to true only for RATE_LIMITED', () => {
    expect(new SecretError({ code: 'RATE_LIMITED', message: 'slow down' }).retryable).toBe(true);
    expect(new SecretError({ code: 'PROVIDER_ERROR', message: 'boom' }).retryable).toBe(false);
    expect(
      new SecretError({ code: 'PROVIDER_ERROR', message: 'sealed', retryable: true }).retryable,
    ).toBe(true);
  });

  it('toJSON leaves out the cause and the stack, and nests aggregated errors', () => {
    const inner = new SecretError({
      code: 'KEY_NOT_FOUND',
      message: 'no key',
      reference: { integration: 'vault-prod', path: 'crow/app', key: 'k' },
      cause: new Error('CANARY-CAUSE-1234'),
    });
    const outer = new SecretError({
      code: 'RESOLUTION_FAILED',
      message: '1 reference failed',
      errors: [inner],
      cause: new Error('CANARY-CAUSE-5678'),
    });
    const json = outer.toJSON();
    const text = JSON.stringify(outer);
    expect(text).not.toContain('CANARY-CAUSE');
    expect(text).not.toContain('stack');
    expect(json.errors?.[0]).toEqual({
      name: 'SecretError',
      code: 'KEY_NOT_FOUND',
      message: 'no key',
      retryable: false,
      reference: { integration: 'vault-prod', path: 'crow/app', key: 'k' },
    });
  });

  it('with() adds context and keeps code, message and cause', () => {
    const cause = new Error('socket');
    const error = new SecretError({ code: 'UNREACHABLE', message: 'down', cause });
    const located = error.with({ integration: { id: 1, name: 'vault-prod', type: 'vault' } });
    expect(located.code).toBe('UNREACHABLE');
    expect(located.message).toBe('down');
    expect(located.cause).toBe(cause);
    expect(located.integration).toEqual({ id: 1, name: 'vault-prod', type: 'vault' });
    expect(error.integration).toBeUndefined();
  });
});
