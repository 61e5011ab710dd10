import type { EmulatorFault } from '@fromsecret/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { canaryValue, expectFailure } from './__fixtures__/emulator-fixture';
import {
  access,
  pipelineWith,
  type ResolverFixture,
  startResolverFixture,
} from './__fixtures__/resolver-fixture';

let fixture: ResolverFixture;
const gateway = { message: 'upstream connect error or disconnect/reset before headers' };

interface FaultCase {
  name: string;
  operation: 'token' | 'read';
  fault: EmulatorFault;
  times: number;
  code: string;
  /** How many requests of `operation` the resolution makes (3 when the resolver retries). */
  attempts: number;
}

const cases: FaultCase[] = [
  {
    name: 'Entra ID answering 502',
    operation: 'token',
    fault: { kind: 'status', status: 502, body: gateway },
    times: 3,
    code: 'PROVIDER_ERROR',
    attempts: 3,
  },
  {
    name: 'Entra ID answering 429 with Retry-After: 0',
    operation: 'token',
    fault: { kind: 'status', status: 429, body: gateway, headers: { 'retry-after': '0' } },
    times: 3,
    code: 'RATE_LIMITED',
    attempts: 3,
  },
  {
    name: 'Entra ID answering malformed JSON',
    operation: 'token',
    fault: { kind: 'malformed-json' },
    times: 1,
    code: 'PROVIDER_ERROR',
    attempts: 1,
  },
  {
    name: 'Entra ID answering an HTML page',
    operation: 'token',
    fault: { kind: 'wrong-content-type' },
    times: 1,
    code: 'PROVIDER_ERROR',
    attempts: 1,
  },
  {
    name: 'Entra ID cutting the answer short',
    operation: 'token',
    fault: { kind: 'truncated-body' },
    times: 1,
    code: 'UNREACHABLE',
    attempts: 1,
  },
  {
    name: 'the vault cutting the answer short',
    operation: 'read',
    fault: { kind: 'truncated-body' },
    times: 1,
    code: 'UNREACHABLE',
    attempts: 1,
  },
  {
    name: 'the vault answering an HTML page',
    operation: 'read',
    fault: { kind: 'wrong-content-type' },
    times: 1,
    code: 'PROVIDER_ERROR',
    attempts: 1,
  },
];

async function start(): Promise<ResolverFixture> {
  fixture = await startResolverFixture({
    secrets: [{ name: 'api-key', versions: [canaryValue('one')] }],
  });
  return fixture;
}

const resolve = () =>
  fixture.resolver.resolvePipeline(pipelineWith({ VALUE: { path: 'api-key' } }), access);

afterEach(async () => {
  await fixture.close();
});

describe('Azure Key Vault under transport faults, through the resolver (emulator)', () => {
  for (const faultCase of cases) {
    it(`reports ${faultCase.name} as ${faultCase.code} after ${faultCase.attempts} attempt(s)`, async () => {
      await start();
      fixture.emulator.faults.inject(faultCase.fault, {
        operation: faultCase.operation,
        times: faultCase.times,
      });
      const aggregate = await expectFailure(resolve, 'RESOLUTION_FAILED');
      expect(aggregate.errors?.map((error) => error.code)).toEqual([faultCase.code]);
      expect(fixture.emulator.log.count(faultCase.operation)).toBe(faultCase.attempts);
    });
  }

  it('resolves when Entra ID answers 503 once: the retry reaches Entra ID again', async () => {
    await start();
    fixture.emulator.faults.inject(
      { kind: 'status', status: 503, body: gateway },
      { operation: 'token' },
    );
    const result = await resolve();
    expect(result.pipeline.steps[0]?.environment.VALUE).toBe(canaryValue('one'));
    expect(
      fixture.emulator.log.entries
        .filter((entry) => entry.operation === 'token')
        .map((entry) => entry.status),
    ).toEqual([503, 200]);
  });
});
