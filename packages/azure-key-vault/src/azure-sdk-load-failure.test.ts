import nock from 'nock';
import { afterEach, expect, it, vi } from 'vitest';
import {
  clientSecret,
  expectFailure,
  publicCloudConfig,
  silentLogger,
} from './__fixtures__/emulator-fixture';

// Its own file: a module registry in which no earlier test has loaded the real SDK, so the
// failing import below is the only `@azure/identity` the provider can get.
vi.mock('@azure/identity', () => {
  throw new Error("Cannot find package '@azure/identity'");
});

afterEach(() => {
  nock.enableNetConnect();
});

it('fails with PROVIDER_ERROR naming the packages when the SDK cannot be loaded, asking no one', async () => {
  nock.disableNetConnect();
  const attempted: string[] = [];
  const listener = (request: { hostname?: string }) => attempted.push(String(request.hostname));
  nock.emitter.on('no match', listener);
  try {
    const { provider } = await import('./index');
    const created = provider.create(provider.parseConfig(publicCloudConfig), {
      logger: silentLogger,
      now: Date.now,
    });
    const error = await expectFailure(
      () => created.read({ path: 'api-key' }, { signal: new AbortController().signal }),
      'PROVIDER_ERROR',
    );
    expect(error.message).toContain('could not load the Azure SDK');
    expect(error.message).toContain('@azure/identity');
    expect(error.message).not.toContain(clientSecret);
    expect(attempted).toEqual([]);
  } finally {
    nock.emitter.removeListener('no match', listener);
  }
});
