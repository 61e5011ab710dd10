import https from 'node:https';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientSecret,
  login,
  read,
  seeded,
  token,
} from './__fixtures__/infisical-emulator-requests';
import { mountInfisicalEmulatorOnNock, startInfisicalEmulator } from './start-infisical-emulator';

describe('startInfisicalEmulator over HTTPS', () => {
  it('serves TLS that a client trusts only with the generated CA', async () => {
    const emulator = await startInfisicalEmulator({ ...seeded(Date.now), tls: true });
    try {
      expect(emulator.url).toMatch(/^https:/);
      const status = await new Promise<number>((resolve, reject) => {
        https
          .request(
            `${emulator.url}/api/v1/auth/universal-auth/login`,
            { method: 'POST', ca: emulator.caCert },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          )
          .on('error', reject)
          .end(JSON.stringify({ clientId: 'identity-a', clientSecret }));
      });
      expect(status).toBe(200);
    } finally {
      await emulator.close();
    }
  });
});

describe('mountInfisicalEmulatorOnNock', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('serves the same store through nock without a socket', async () => {
    nock.disableNetConnect();
    const emulator = mountInfisicalEmulatorOnNock(
      nock,
      'https://infisical.emulator.test',
      seeded(Date.now),
    );
    const accessToken = await token(emulator.url);
    const response = await read(emulator.url, accessToken, 'API_KEY', { version: '1' });
    expect(await response.json()).toMatchObject({ secret: { secretValue: 'one', version: 1 } });
    expect(emulator.log.count('login')).toBe(1);
    expect(emulator.log.count('read')).toBe(1);
  });

  it('delays answers through nock when latency is set', async () => {
    nock.disableNetConnect();
    const emulator = mountInfisicalEmulatorOnNock(
      nock,
      'https://infisical.slow.test',
      seeded(Date.now),
    );
    emulator.setLatency(200);
    const started = performance.now();
    expect((await login(emulator.url)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });
});
