import { generateTestCertificates } from '@fromsecret/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canaryValue,
  clientSecret,
  type EmulatorFixture,
  expectFailure,
  liveSignal,
  readerlessClientId,
  startEmulatorFixture,
} from './__fixtures__/emulator-fixture';
import { createAzureKeyVaultProvider } from './azure-key-vault-definition';

let fixture: EmulatorFixture;
let clock = Date.now();

async function start(): Promise<EmulatorFixture> {
  fixture = await startEmulatorFixture({
    now: () => clock,
    secrets: [
      { name: 'api-key', versions: [canaryValue('one'), canaryValue('two')] },
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({
        name: `many-${name}`,
        versions: [canaryValue(name)],
      })),
    ],
  });
  return fixture;
}

const operations = () => fixture.emulator.log.entries.map((entry) => entry.operation);

afterEach(async () => {
  await fixture.close();
});

describe('reads against the emulator', () => {
  it('reads the latest version and a pinned version id, reporting the version read', async () => {
    await start();
    const provider = fixture.provider();
    const [first, second] = fixture.emulator.store.versionIds('api-key');
    const latest = await provider.read({ path: 'api-key' }, { signal: liveSignal() });
    expect(latest).toEqual({ values: { value: canaryValue('two') }, version: second });
    const zero = await provider.read({ path: 'api-key', version: 0 }, { signal: liveSignal() });
    expect(zero.values.value).toBe(canaryValue('two'));
    const pinned = await provider.read(
      { path: 'api-key', version: first! },
      { signal: liveSignal() },
    );
    expect(pinned).toEqual({ values: { value: canaryValue('one') }, version: first });
  });

  it('shares one token request among concurrent reads, without a challenge, then reuses the token', async () => {
    await start();
    const provider = fixture.provider();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const values = await Promise.all(
      names.map((name) => provider.read({ path: `many-${name}` }, { signal: liveSignal() })),
    );
    expect(values.map((data) => data.values.value)).toEqual(names.map(canaryValue));
    await provider.read({ path: 'api-key' }, { signal: liveSignal() });
    await provider.read({ path: 'api-key' }, { signal: liveSignal() });
    expect(fixture.emulator.log.count('token')).toBe(1);
    expect(fixture.emulator.log.count('challenge')).toBe(0);
    // Only against the emulator: MSAL has no built-in metadata for its authority host (0511).
    expect(fixture.emulator.log.count('openid')).toBe(1);
    expect(fixture.emulator.log.count('read')).toBe(names.length + 2);
    expect(fixture.emulator.store.issuedTokenCount()).toBe(1);
  });

  it('obtains a new token once when the vault says the one it holds has expired', async () => {
    await start();
    const provider = fixture.provider();
    await provider.read({ path: 'api-key' }, { signal: liveSignal() });
    clock += 3_600_000;
    const data = await provider.read({ path: 'api-key' }, { signal: liveSignal() });
    expect(data.values.value).toBe(canaryValue('two'));
    expect(fixture.emulator.log.count('token')).toBe(2);
    expect(fixture.emulator.log.count('rejected-token')).toBeGreaterThan(0);
    expect(fixture.lines.some((line) => line.includes('rejected the token'))).toBe(true);
  });
});

describe('testConnection against the emulator', () => {
  it('obtains a token and has the vault answer, without reading any secret value', async () => {
    await start();
    await fixture.provider().testConnection({ signal: liveSignal() });
    expect(operations()).toEqual(['openid', 'token', 'read']);
    expect(fixture.emulator.log.entries.at(-1)?.status).toBe(404);
    expect(fixture.emulator.secretReadCount()).toBe(0);
  });

  it('fails with PERMISSION_DENIED when the principal may not read secrets', async () => {
    await start();
    const error = await expectFailure(
      () =>
        fixture.provider({ clientId: readerlessClientId }).testConnection({ signal: liveSignal() }),
      'PERMISSION_DENIED',
    );
    expect(error.message).toMatch(/"get" secret permission/);
  });

  it('fails with AUTHENTICATION_FAILED for a wrong client secret, reading nothing', async () => {
    await start();
    await expectFailure(
      () =>
        fixture
          .provider({ clientSecret: 'CANARY-WRONG-SECRET-7f3a' })
          .testConnection({ signal: liveSignal() }),
      'AUTHENTICATION_FAILED',
    );
    expect(operations()).not.toContain('read');
  });
});

describe('trust and cancellation', () => {
  it("keeps real users' defaults: without the emulator option the emulator's CA is not trusted", async () => {
    await start();
    const provider = createAzureKeyVaultProvider(fixture.config);
    const error = await expectFailure(
      () => provider.read({ path: 'api-key' }, { signal: liveSignal() }),
      'TLS_ERROR',
    );
    expect(error.message).toMatch(/not trusted/);
    await provider.close();
  });

  it('fails with TLS_ERROR when the certificate is signed by another CA', async () => {
    await start();
    const stranger = generateTestCertificates({ hosts: ['stranger.example'] }).caCert;
    const provider = createAzureKeyVaultProvider(fixture.config, {
      emulator: { caCert: stranger },
    });
    await expectFailure(
      () => provider.read({ path: 'api-key' }, { signal: liveSignal() }),
      'TLS_ERROR',
    );
    await provider.close();
  });

  it('fails with CANCELLED at once for an aborted signal, without a request', async () => {
    await start();
    await expectFailure(
      () => fixture.provider().read({ path: 'api-key' }, { signal: AbortSignal.abort() }),
      'CANCELLED',
    );
    expect(fixture.emulator.log.count()).toBe(0);
  });

  it('fails promptly, with TIMEOUT for a deadline, while Entra ID holds the token request', async () => {
    await start();
    fixture.emulator.faults.inject({ kind: 'hang' }, { operation: 'token' });
    const deadline = new AbortController();
    const reading = fixture.provider().read({ path: 'api-key' }, { signal: deadline.signal });
    // Abort only once the token request hangs, so that the deadline lands mid-login.
    await vi.waitFor(() => expect(fixture.emulator.log.count('token')).toBe(1), { timeout: 5_000 });
    const started = performance.now();
    deadline.abort(new DOMException('The resolution deadline passed', 'TimeoutError'));
    await expectFailure(() => reading, 'TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('closes idempotently and refuses to read afterwards', async () => {
    await start();
    const provider = fixture.provider();
    await provider.read({ path: 'api-key' }, { signal: liveSignal() });
    await provider.close();
    await provider.close();
    await expectFailure(
      () => provider.read({ path: 'api-key' }, { signal: liveSignal() }),
      'CANCELLED',
    );
    expect(fixture.lines.join('\n')).not.toContain(clientSecret);
  });
});
