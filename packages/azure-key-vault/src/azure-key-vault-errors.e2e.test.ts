import { createServer } from 'node:net';
import type { SecretError, SecretErrorCode } from '@fromsecret/core';
import { keyVaultThrottledFault } from '@fromsecret/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  canaryValue,
  clientSecret,
  errorTexts,
  expectFailure,
  expectNoSecretIn,
  readerlessClientId,
} from './__fixtures__/emulator-fixture';
import {
  access,
  pipelineWith,
  type ResolverFixture,
  startResolverFixture,
  type TestReference,
} from './__fixtures__/resolver-fixture';
import type { AzureKeyVaultConfigInput } from './azure-key-vault-config';

const wrongSecret = 'CANARY-WRONG-CLIENT-SECRET-7f3a';
const otherTenant = '00000000-1111-4222-8333-444444444444';
const otherTenantClientId = '44444444-2222-4333-8444-555555555555';
const values = [canaryValue('one'), canaryValue('retired')];
let fixture: ResolverFixture | undefined;

interface ErrorCase {
  name: string;
  code: SecretErrorCode;
  message: RegExp;
  reference?: TestReference;
  emulator?: Parameters<typeof startResolverFixture>[0];
  config?(): Promise<Partial<AzureKeyVaultConfigInput>> | Partial<AzureKeyVaultConfigInput>;
  before?(fixture: ResolverFixture): void;
}

/** An https URL on 127.0.0.1 where nothing listens. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `https://127.0.0.1:${port}`;
}

const cases: ErrorCase[] = [
  {
    name: 'a wrong client secret (AADSTS7000215)',
    code: 'AUTHENTICATION_FAILED',
    message: /rejected clientSecret .*AADSTS7000215/,
    config: () => ({ clientSecret: wrongSecret }),
  },
  {
    name: 'an unknown client id (AADSTS700016)',
    code: 'AUTHENTICATION_FAILED',
    message: /no application with clientId 33333333-.*AADSTS700016/,
    config: () => ({ clientId: '33333333-2222-4333-8444-555555555555' }),
  },
  {
    name: 'an unknown tenant (AADSTS90002)',
    code: 'AUTHENTICATION_FAILED',
    message: /has no tenant .*AADSTS90002.*set tenantId/,
    emulator: { tenants: [otherTenant] },
  },
  {
    // Entra ID issues the token in the principal's tenant; the vault refuses it and its 401
    // challenge names the vault's own tenant.
    name: 'a vault of another tenant',
    code: 'AUTHENTICATION_FAILED',
    message: /belongs to tenant .* set tenantId to/,
    emulator: {
      principals: [{ clientId: otherTenantClientId, clientSecret, tenantId: otherTenant }],
    },
    config: () => ({ tenantId: otherTenant, clientId: otherTenantClientId }),
  },
  {
    name: 'an access policy without get (ForbiddenByPolicy)',
    code: 'PERMISSION_DENIED',
    message: /access policies do not grant the "get" secret permission/,
    config: () => ({ clientId: readerlessClientId }),
  },
  {
    name: 'RBAC without the role (ForbiddenByRbac)',
    code: 'PERMISSION_DENIED',
    message: /assign the "Key Vault Secrets User" role/,
    emulator: { permissionModel: 'rbac' },
    config: () => ({ clientId: readerlessClientId }),
  },
  {
    name: 'a disabled secret',
    code: 'PERMISSION_DENIED',
    message: /secret "retired" .* is disabled/,
    reference: { path: 'retired' },
  },
  {
    name: 'a missing secret (404)',
    code: 'SECRET_NOT_FOUND',
    message: /has no secret "absent"/,
    reference: { path: 'absent' },
  },
  {
    name: 'a missing version (404)',
    code: 'VERSION_NOT_FOUND',
    message: /has no version 0{32} of secret "api-key"/,
    reference: { path: 'api-key', version: '0'.repeat(32) },
  },
  {
    name: 'throttling that outlasts the retries (429)',
    code: 'RATE_LIMITED',
    message: /throttling/,
    before: (f) =>
      f.emulator.faults.inject(keyVaultThrottledFault(0), { operation: 'read', times: 3 }),
  },
  {
    name: 'an unreachable vault',
    code: 'UNREACHABLE',
    message: /cannot reach Azure Key Vault https:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    config: async () => ({ vaultUrl: await closedPortUrl() }),
  },
  {
    name: 'an unreachable Entra ID',
    code: 'UNREACHABLE',
    message: /cannot reach Entra ID at https:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    config: async () => ({ authorityHost: await closedPortUrl() }),
  },
  {
    name: 'a certificate for another host',
    code: 'TLS_ERROR',
    // The token request is the first to reach the emulator, which serves Entra ID too.
    message:
      /TLS certificate of Entra ID at https:\/\/127\.0\.0\.1:\d+ is not trusted \(ERR_TLS_CERT_ALTNAME_INVALID\)/,
    emulator: { certificateHosts: ['elsewhere.example'] },
  },
];

async function resolveFailure(errorCase: ErrorCase): Promise<SecretError> {
  fixture = await startResolverFixture(
    {
      secrets: [
        { name: 'api-key', versions: [values[0]!] },
        { name: 'retired', versions: [{ value: values[1]!, enabled: false }] },
      ],
      ...errorCase.emulator,
    },
    (await errorCase.config?.()) ?? {},
  );
  errorCase.before?.(fixture);
  const aggregate = await expectFailure(
    () =>
      fixture!.resolver.resolvePipeline(
        pipelineWith({ VALUE: errorCase.reference ?? { path: 'api-key' } }),
        access,
      ),
    'RESOLUTION_FAILED',
  );
  expect(aggregate.errors).toHaveLength(1);
  return aggregate.errors![0]!;
}

afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

describe('Azure Key Vault errors through the resolver (emulator)', () => {
  for (const errorCase of cases) {
    it(`reports ${errorCase.name} as ${errorCase.code}, leaking nothing`, async () => {
      const error = await resolveFailure(errorCase);
      expect(error.code, error.message).toBe(errorCase.code);
      expect(error.message).toMatch(errorCase.message);
      expect(error.reference).toMatchObject({ integration: 'azure-prod', key: 'value' });
      const secrets = [clientSecret, wrongSecret, ...values];
      expectNoSecretIn(errorTexts(error), secrets);
      expectNoSecretIn(fixture!.lines, secrets);
    });
  }

  it('fails in well under a second when the vault is unreachable', async () => {
    const started = performance.now();
    const error = await resolveFailure(
      cases.find((errorCase) => errorCase.name === 'an unreachable vault')!,
    );
    expect(error.code).toBe('UNREACHABLE');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('resolves after a throttled read when the retry succeeds', async () => {
    fixture = await startResolverFixture({
      secrets: [{ name: 'api-key', versions: [values[0]!] }],
    });
    fixture.emulator.faults.inject(keyVaultThrottledFault(0), { operation: 'read' });
    const result = await fixture.resolver.resolvePipeline(
      pipelineWith({ VALUE: { path: 'api-key' } }),
      access,
    );
    expect(result.pipeline.steps[0]?.environment.VALUE).toBe(values[0]);
    expect(
      fixture.emulator.log.entries
        .filter((entry) => entry.operation === 'read')
        .map((entry) => entry.status),
    ).toEqual([429, 200]);
  });

  it('reports a failed connection test as a value naming the setting, without throwing', async () => {
    fixture = await startResolverFixture({}, { clientSecret: wrongSecret });
    const outcome = await fixture.resolver.testConnection('azure-prod');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('AUTHENTICATION_FAILED');
    expect(outcome.message).toMatch(/clientSecret/);
    expectNoSecretIn([outcome.message, ...errorTexts(outcome.error)], [clientSecret, wrongSecret]);
  });
});
