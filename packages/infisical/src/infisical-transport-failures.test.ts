import { SecretError } from '@fromsecret/core';
import { startInfisicalEmulator } from '@fromsecret/testkit';
import { describe, expect, it } from 'vitest';
import { seededStore, settingsFor } from './__fixtures__/infisical-fixtures';
import { createInfisicalProvider } from './provider';

const call = () => ({ signal: new AbortController().signal });

async function failure(promise: Promise<unknown>): Promise<SecretError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!SecretError.isInstance(error))
    throw new Error(`expected a SecretError, got ${String(error)}`);
  return error;
}

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

describe('Infisical over TLS', () => {
  it('refuses a certificate from an untrusted CA with TLS_ERROR pointing at caCert', async () => {
    const emulator = await startInfisicalEmulator({ ...seededStore(Date.now), tls: true });
    const provider = createInfisicalProvider(settingsFor(emulator.url));
    try {
      const error = await failure(provider.read({ path: 'API_KEY' }, call()));
      expect(error.code).toBe('TLS_ERROR');
      expect(error.message).toMatch(/caCert/);
      expect(emulator.log.count()).toBe(0);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });

  it("reads through HTTPS once the integration's caCert names the CA", async () => {
    const emulator = await startInfisicalEmulator({ ...seededStore(Date.now), tls: true });
    const provider = createInfisicalProvider(
      settingsFor(emulator.url, { caCert: emulator.caCert }),
    );
    try {
      expect(await provider.read({ path: 'API_KEY' }, call())).toMatchObject({ version: '2' });
    } finally {
      await provider.close();
      await emulator.close();
    }
  });

  it('refuses a trusted certificate issued for another host with TLS_ERROR', async () => {
    const emulator = await startInfisicalEmulator({
      ...seededStore(Date.now),
      tls: true,
      certificateHosts: ['infisical.elsewhere.test'],
    });
    const provider = createInfisicalProvider(
      settingsFor(emulator.url, { caCert: emulator.caCert }),
    );
    try {
      const error = await failure(provider.testConnection(call()));
      expect(error.code).toBe('TLS_ERROR');
      expect(error.message).toMatch(/host name/);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });
});

describe('an unreachable Infisical', () => {
  it('fails with UNREACHABLE within 2 s and leaves no timer or retry behind', async () => {
    const emulator = await startInfisicalEmulator(seededStore(Date.now));
    await emulator.close();
    const timersBefore = activeTimers();
    const provider = createInfisicalProvider(settingsFor(emulator.url));
    const started = performance.now();
    const error = await failure(provider.read({ path: 'API_KEY' }, call()));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toMatch(/ECONNREFUSED.*siteUrl/);
    expect(elapsed).toBeLessThan(2000);
    await provider.close();
    expect(activeTimers()).toBeLessThanOrEqual(timersBefore);
    expect(emulator.log.count()).toBe(0);
  });

  it('testConnection fails the same way', async () => {
    const emulator = await startInfisicalEmulator();
    await emulator.close();
    const provider = createInfisicalProvider(settingsFor(emulator.url));
    expect((await failure(provider.testConnection(call()))).code).toBe('UNREACHABLE');
    await provider.close();
  });
});

describe('a caller that gives up', () => {
  it('a cancelled read is CANCELLED at once, and the request is abandoned', async () => {
    const emulator = await startInfisicalEmulator({ ...seededStore(Date.now), latencyMs: 5_000 });
    const provider = createInfisicalProvider(settingsFor(emulator.url));
    try {
      const controller = new AbortController();
      const pending = failure(provider.read({ path: 'API_KEY' }, { signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      const started = performance.now();
      const error = await pending;
      expect(error.code).toBe('CANCELLED');
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });

  it('a read past its deadline (a TimeoutError abort) is TIMEOUT', async () => {
    const emulator = await startInfisicalEmulator({ ...seededStore(Date.now), latencyMs: 5_000 });
    const provider = createInfisicalProvider(settingsFor(emulator.url));
    try {
      const error = await failure(
        provider.read({ path: 'API_KEY' }, { signal: AbortSignal.timeout(50) }),
      );
      expect(error.code).toBe('TIMEOUT');
      expect(error.message).toMatch(/deadline/);
    } finally {
      await provider.close();
      await emulator.close();
    }
  });
});
