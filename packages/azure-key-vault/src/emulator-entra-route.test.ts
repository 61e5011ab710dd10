import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canaryValue,
  clientSecret,
  type EmulatorFixture,
  liveSignal,
  startEmulatorFixture,
} from './__fixtures__/emulator-fixture';
import { createAzureKeyVaultProvider } from './azure-key-vault-definition';

const names = ['alpha', 'bravo', 'charlie'];
let fixture: EmulatorFixture;

afterEach(async () => {
  await fixture.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** A fresh provider for the emulator whose settings name Entra ID at `authorityHost`. */
function providerAt(authorityHost: string, entraOrigin: string | undefined) {
  return createAzureKeyVaultProvider(
    { ...fixture.config, authorityHost },
    {
      emulator: {
        caCert: fixture.emulator.caCert,
        ...(entraOrigin === undefined ? {} : { entraOrigin }),
      },
    },
  );
}

describe('the emulator connection serving Entra ID at its public host', () => {
  it('makes MSAL take its Azure path: one token request and the reads, no metadata request', async () => {
    fixture = await startEmulatorFixture({
      secrets: names.map((name) => ({ name, versions: [canaryValue(name)] })),
    });
    const provider = providerAt(
      'https://login.microsoftonline.com',
      fixture.emulator.authorityHost,
    );
    try {
      const values = await Promise.all(
        names.map((name) => provider.read({ path: name }, { signal: liveSignal() })),
      );
      expect(values.map((secret) => secret.values.value)).toEqual(names.map(canaryValue));
      expect(fixture.emulator.log.entries.map((entry) => entry.operation)).toEqual([
        'token',
        'read',
        'read',
        'read',
      ]);
    } finally {
      await provider.close();
    }
  });

  it('without it, MSAL first asks the emulator for the OpenID metadata of a host it does not know', async () => {
    fixture = await startEmulatorFixture({
      secrets: [{ name: 'alpha', versions: [canaryValue('alpha')] }],
    });
    const provider = providerAt(fixture.emulator.authorityHost, undefined);
    try {
      await provider.read({ path: 'alpha' }, { signal: liveSignal() });
      expect(fixture.emulator.log.entries.map((entry) => entry.operation)).toEqual([
        'openid',
        'token',
        'read',
      ]);
    } finally {
      await provider.close();
    }
  });

  it('sends nothing off loopback: another Entra ID host is refused, not asked', async () => {
    fixture = await startEmulatorFixture({
      secrets: [{ name: 'alpha', versions: [canaryValue('alpha')] }],
    });
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const leaked: string[] = [];
    nock.emitter.on('no match', (request: { hostname?: string }) => {
      leaked.push(String(request.hostname));
    });
    const provider = providerAt('https://login.microsoftonline.us', fixture.emulator.authorityHost);
    try {
      const failure = await provider.read({ path: 'alpha' }, { signal: liveSignal() }).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.message).toContain('login.microsoftonline.us');
      expect(failure?.message).not.toContain(clientSecret);
      expect(leaked).toEqual([]);
      expect(fixture.emulator.log.entries).toEqual([]);
    } finally {
      nock.emitter.removeAllListeners('no match');
      await provider.close();
    }
  });
});
