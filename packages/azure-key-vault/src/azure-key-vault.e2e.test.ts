import { afterEach, describe, expect, it } from 'vitest';
import { canaryValue, clientSecret } from './__fixtures__/emulator-fixture';
import {
  access,
  pipelineWith,
  type ResolverFixture,
  startResolverFixture,
} from './__fixtures__/resolver-fixture';

let fixture: ResolverFixture;
const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

async function start(): Promise<ResolverFixture> {
  fixture = await startResolverFixture({
    secrets: [
      { name: 'api-key', versions: [canaryValue('one'), canaryValue('two')] },
      ...names.map((name) => ({ name, versions: [canaryValue(name)] })),
    ],
  });
  return fixture;
}

afterEach(async () => {
  await fixture.close();
});

describe('Azure Key Vault through the resolver (emulator)', () => {
  it('resolves the latest version, version 0 and a pinned version id', async () => {
    await start();
    const [first, second] = fixture.emulator.store.versionIds('api-key');
    const result = await fixture.resolver.resolvePipeline(
      pipelineWith({
        LATEST: { path: 'api-key' },
        ZERO: { path: 'api-key', version: 0 },
        PINNED: { path: 'api-key', version: first! },
      }),
      access,
    );
    expect(result.pipeline.steps[0]?.environment).toEqual({
      LATEST: canaryValue('two'),
      ZERO: canaryValue('two'),
      PINNED: canaryValue('one'),
    });
    expect(result.secrets.sort()).toEqual([canaryValue('one'), canaryValue('two')]);
    const versions = result.records.map(
      (record) => record.kind === 'external' && record.resolvedVersion,
    );
    expect(versions).toEqual([second, second, first]);
  });

  it('makes one token request for many reads, one read per path, and reuses the token later', async () => {
    await start();
    const variables = Object.fromEntries(
      names.flatMap((name) => [
        [`${name.toUpperCase()}_A`, { path: name }],
        [`${name.toUpperCase()}_B`, { path: name }],
      ]),
    );
    const first = await fixture.resolver.resolvePipeline(pipelineWith(variables), access);
    expect(Object.values(first.pipeline.steps[0]!.environment).sort()).toEqual(
      names.flatMap((name) => [canaryValue(name), canaryValue(name)]).sort(),
    );
    const log = fixture.emulator.log;
    expect({
      token: log.count('token'),
      challenge: log.count('challenge'),
      read: log.count('read'),
    }).toEqual({
      token: 1,
      challenge: 0,
      read: names.length,
    });
    await fixture.resolver.resolvePipeline(pipelineWith(variables), access);
    expect({ token: log.count('token'), read: log.count('read') }).toEqual({
      token: 1,
      read: 2 * names.length,
    });
  });

  it('tests the connection without reading a secret value', async () => {
    await start();
    const outcome = await fixture.resolver.testConnection('azure-prod');
    expect(outcome).toMatchObject({ ok: true, message: 'Connection test successful' });
    expect(fixture.emulator.log.count('token')).toBe(1);
    expect(fixture.emulator.secretReadCount()).toBe(0);
    expect(fixture.lines.join('\n')).not.toContain(clientSecret);
  });
});
