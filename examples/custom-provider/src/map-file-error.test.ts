import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { mapFileError } from './map-file-error';

const file = '/etc/ci/secrets.sealed.json';
const live = () => new AbortController().signal;

/** An error shaped like the ones `fs.promises.readFile` rejects with. */
function systemError(code: string, errno: number, syscall = 'open'): Error {
  return Object.assign(new Error(`${code}: failure, ${syscall} '${file}'`), {
    code,
    errno,
    syscall,
    path: file,
  });
}

describe('mapFileError', () => {
  it.each([
    ['ENOENT', -2, 'UNREACHABLE', 'does not exist'],
    ['ENOTDIR', -20, 'UNREACHABLE', 'does not exist'],
    ['EACCES', -13, 'PERMISSION_DENIED', 'give the user that runs the CI server read access'],
    ['EPERM', -1, 'PERMISSION_DENIED', 'may not read it (EPERM)'],
    ['EISDIR', -21, 'INVALID_CONFIG', 'names a directory'],
    ['EIO', -5, 'PROVIDER_ERROR', 'check the disk or mount'],
  ])('maps %s to %s', (code, errno, expected, hint) => {
    const error = mapFileError(systemError(code, errno), file, live());
    expect(error.code).toBe(expected);
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(file);
    expect(error.message).toContain(hint);
    expect(error.cause).toMatchObject({ code, errno, syscall: 'open' });
  });

  it('is CANCELLED when the caller aborted, whatever the file system said', () => {
    const controller = new AbortController();
    controller.abort();
    const error = mapFileError(systemError('ENOENT', -2), file, controller.signal);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toContain('cancelled by the caller');
  });

  it('is TIMEOUT when the signal aborted with a TimeoutError', () => {
    const controller = new AbortController();
    controller.abort(new DOMException('The operation timed out', 'TimeoutError'));
    expect(mapFileError(new Error('aborted'), file, controller.signal).code).toBe('TIMEOUT');
  });

  it("passes the resolver's own abort reason on unchanged", () => {
    const reason = new SecretError({ code: 'TIMEOUT', message: 'the resolution deadline passed' });
    const controller = new AbortController();
    controller.abort(reason);
    expect(mapFileError(new Error('aborted'), file, controller.signal)).toBe(reason);
  });
});
