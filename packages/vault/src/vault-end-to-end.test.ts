import { inspect } from 'node:util';
import {
  createMemoryIntegrationStore,
  createProviderRegistry,
  createSecretResolver,
  type Logger,
  SecretError,
  type SecretResolver,
} from '@fromsecret/core';
import {
  startVaultEmulator,
  type VaultEmulator,
  type VaultEmulatorOptions,
} from '@fromsecret/testkit';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { provider } from './index';
import type { VaultConfigInput } from './vault-config';

const canary = {
  roleId: 'CANARY-E2E-ROLE-ID-4b1c',
  secretId: 'CANARY-E2E-SECRET-ID-7f3a',
  token: 'CANARY-E2E-TOKEN-9c1e',
  apiKey: 'CANARY-E2E-API-KEY-2d8b',
  url: 'CANARY-E2E-URL-51aa',
  password: 'CANARY-E2E-PASSWORD-e6f0',
  dockerPassword: 'CANARY-E2E-DOCKER-83c4',
};
const access = { org: 'acme', repo: 'acme/app' };

/** Three keys from crow/myapp and one from crow/docker, in two steps. */
const pipeline = {
  steps: [
    {
      name: 'deploy',
      image: 'alpine',
      environment: {
        API_KEY: { from_secret: { integration: 'vault-prod', path: 'crow/myapp', key: 'api_key' } },
        URL: { from_secret: { integration: 'vault-prod', path: 'crow/myapp', key: 'url' } },
      },
    },
    {
      name: 'publish',
      image: 'registry.example.com/buildx',
      settings: {
        password: { from_secret: { integration: 1, path: 'crow/docker', key: 'password' } },
        database: { from_secret: { integration: 1, path: 'crow/myapp', key: 'password' } },
      },
    },
  ],
};

interface Harness {
  emulator: VaultEmulator;
  resolver: SecretResolver;
  lines: string[];
}

const open: Harness[] = [];

async function harness(
  emulatorOptions: VaultEmulatorOptions = {},
  settings: (emulator: VaultEmulator) => Partial<VaultConfigInput> = () => ({}),
  namespace?: string,
): Promise<Harness> {
  let issued = 0;
  const emulator = await startVaultEmulator({
    createToken: () => `${canary.token}-${++issued}`,
    ...emulatorOptions,
  });
  emulator.addRole({
    roleId: canary.roleId,
    secretId: canary.secretId,
    policies: ['ci'],
    ...(namespace === undefined ? {} : { namespace }),
  });
  emulator.setPolicy('ci', { 'secret/data/crow/*': ['read'] });
  if (namespace !== undefined) emulator.enableKv('secret', { version: 2, namespace });
  const kv = namespace === undefined ? {} : { namespace };
  emulator.writeSecret(
    'crow/myapp',
    { api_key: canary.apiKey, url: canary.url, password: canary.password },
    kv,
  );
  emulator.writeSecret('crow/docker', { password: canary.dockerPassword }, kv);
  const lines: string[] = [];
  const logger = capturing(lines);
  const resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [provider] }),
    integrations: createMemoryIntegrationStore([
      {
        id: 1,
        name: 'vault-prod',
        type: 'vault',
        config: {
          address: emulator.url,
          roleId: canary.roleId,
          secretId: canary.secretId,
          ...(namespace === undefined ? {} : { namespace }),
          ...settings(emulator),
        },
        allow: { users: [], orgs: ['acme'], repos: [] },
      },
    ]),
    logger,
  });
  const created = { emulator, resolver, lines };
  open.push(created);
  return created;
}

function capturing(lines: string[]): Logger {
  const capture = (level: string) => (message: string, fields?: object) => {
    lines.push(`${level} ${message} ${fields === undefined ? '' : inspect(fields, { depth: 8 })}`);
  };
  return {
    debug: capture('debug'),
    info: capture('info'),
    warn: capture('warn'),
    error: capture('error'),
  };
}

async function failure(action: () => Promise<unknown>): Promise<SecretError> {
  const error = await action().then(
    () => expect.unreachable('the resolution should have failed'),
    (caught: unknown) => caught,
  );
  if (!SecretError.isInstance(error)) throw error;
  return error;
}

function errorTexts(error: SecretError): string {
  const all = [error, ...(error.errors ?? [])];
  return all
    .flatMap((each) => [
      each.message,
      JSON.stringify(each.toJSON()),
      String(each.cause),
      inspect(each),
    ])
    .join('\n');
}

function expectNoCanary(text: string): void {
  for (const value of Object.values(canary)) expect(text).not.toContain(value);
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  for (const { resolver, emulator, lines } of open.splice(0)) {
    await resolver.close();
    await emulator.close();
    expectNoCanary(lines.join('\n'));
  }
});
afterAll(() => nock.enableNetConnect());

describe('vault through the resolver, against the emulator', () => {
  it('reads three keys from one path and one from another with one login and two reads', async () => {
    const { emulator, resolver } = await harness();
    const result = await resolver.resolvePipeline(pipeline, access);
    expect(result.pipeline).toMatchObject({
      steps: [
        { environment: { API_KEY: canary.apiKey, URL: canary.url } },
        { settings: { password: canary.dockerPassword, database: canary.password } },
      ],
    });
    expect(emulator.log.count('login')).toBe(1);
    expect(emulator.log.count('read')).toBe(2);
    expect(emulator.log.count()).toBe(3);
    expect(pipeline.steps[0], 'the input pipeline is not modified').toMatchObject({
      environment: { API_KEY: { from_secret: { path: 'crow/myapp' } } },
    });
  });

  it('costs no login on a second resolution, and one after the tokens were revoked', async () => {
    const { emulator, resolver } = await harness();
    await resolver.resolvePipeline(pipeline, access);
    await resolver.resolvePipeline(pipeline, access);
    expect(emulator.log.count('login')).toBe(1);
    emulator.revokeTokens();
    const result = await resolver.resolvePipeline(pipeline, access);
    expect(result.secrets).toContain(canary.apiKey);
    expect(emulator.log.count('login')).toBe(2);
  });

  it('logs in once for 50 concurrent resolutions', async () => {
    const { emulator, resolver } = await harness({ latencyMs: 5 });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => resolver.resolvePipeline(pipeline, access)),
    );
    expect(results).toHaveLength(50);
    expect(emulator.log.count('login')).toBe(1);
    expect(emulator.log.count('read')).toBe(100);
  });

  it('sends the namespace on the login and on every read', async () => {
    const { emulator, resolver } = await harness({}, () => ({}), 'team-a');
    await resolver.resolvePipeline(pipeline, access);
    expect(emulator.log.count()).toBe(3);
    for (const entry of emulator.log.entries) {
      expect(entry.notableHeaders).toEqual({ 'x-vault-namespace': 'team-a' });
    }
  });

  it('never sends crow/../../sys/policy to Vault', async () => {
    const { emulator, resolver } = await harness();
    const error = await failure(() =>
      resolver.resolvePipeline(
        {
          steps: [
            {
              name: 'x',
              environment: {
                P: { from_secret: { integration: 1, path: 'crow/../../sys/policy', key: 'k' } },
              },
            },
          ],
        },
        access,
      ),
    );
    expect(error.code).toBe('RESOLUTION_FAILED');
    expect(error.errors?.map((each) => each.code)).toEqual(['INVALID_REFERENCE']);
    expect(emulator.log.count()).toBe(0);
  });

  it('fails with UNREACHABLE in well under a second on a closed port', async () => {
    const { emulator, resolver } = await harness();
    await emulator.close();
    const started = Date.now();
    const error = await failure(() => resolver.resolvePipeline(pipeline, access));
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(new Set(error.errors?.map((each) => each.code))).toEqual(new Set(['UNREACHABLE']));
    expectNoCanary(errorTexts(error));
  });

  it('keeps credentials, tokens and values out of every error and log line', async () => {
    const { emulator, resolver } = await harness();
    await resolver.resolvePipeline(pipeline, access);
    emulator.setPolicy('ci', { 'secret/data/crow/myapp': ['read'] });
    emulator.revokeTokens();
    const denied = await failure(() => resolver.resolvePipeline(pipeline, access));
    expect(denied.errors?.map((each) => each.code)).toEqual(['PERMISSION_DENIED']);
    expectNoCanary(errorTexts(denied));
    emulator.seal();
    const sealed = await failure(() => resolver.resolvePipeline(pipeline, access));
    expectNoCanary(errorTexts(sealed));
    const connection = await resolver.testConnection('vault-prod');
    expect(connection.ok).toBe(false);
    if (!connection.ok) expectNoCanary(`${connection.message}\n${errorTexts(connection.error)}`);
  });
});

describe('vault over TLS, through the resolver', () => {
  it('fails with TLS_ERROR pointing at caCert when the CA is not trusted', async () => {
    const { resolver } = await harness({ tls: true });
    const error = await failure(() => resolver.resolvePipeline(pipeline, access));
    expect(error.errors?.[0]?.code).toBe('TLS_ERROR');
    expect(error.errors?.[0]?.message).toMatch(/"caCert"/);
  });

  it('succeeds with caCert', async () => {
    const { resolver, lines } = await harness({ tls: true }, (emulator) => ({
      caCert: emulator.caCert,
    }));
    const result = await resolver.resolvePipeline(pipeline, access);
    expect(result.secrets).toContain(canary.apiKey);
    expect(lines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });

  it('fails with TLS_ERROR when the certificate is for another host', async () => {
    const { resolver } = await harness(
      { tls: true, certificateHosts: ['vault.other.test'] },
      (emulator) => ({
        caCert: emulator.caCert,
      }),
    );
    const error = await failure(() => resolver.resolvePipeline(pipeline, access));
    expect(error.errors?.[0]?.code).toBe('TLS_ERROR');
  });

  it('succeeds with skipTlsVerify and warns', async () => {
    const { resolver, lines } = await harness({ tls: true }, () => ({ skipTlsVerify: true }));
    const result = await resolver.resolvePipeline(pipeline, access);
    expect(result.secrets).toContain(canary.apiKey);
    expect(lines.filter((line) => line.startsWith('warn'))).toEqual([
      expect.stringMatching(/skipTlsVerify/),
    ]);
  });
});
