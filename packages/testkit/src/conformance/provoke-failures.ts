import { secretSettingValues } from '@fromsecret/core';
import { expect } from 'vitest';
import { canaryValue } from './canaries';
import type { ConformanceOptions, ConformanceSeed } from './conformance-harness';
import {
  conformanceAccess,
  conformanceIntegration,
  createConformanceResolver,
  pipelineReferencing,
} from './conformance-resolver';
import { type ConformanceFixture, liveSignal } from './with-conformance-store';

const readable = 'conformance-canary';
const denied = 'conformance-canary-denied';

/** A store whose every value is a canary: a readable path and a denied one. */
export function canarySeed(key: string, versions: boolean): ConformanceSeed {
  const history = (label: string) =>
    versions
      ? [{ [key]: canaryValue(`${label}-old`) }, { [key]: canaryValue(label) }]
      : [{ [key]: canaryValue(label) }];
  return {
    secrets: [
      { path: readable, versions: history('readable') },
      { path: denied, versions: history('denied') },
    ],
    deniedPaths: [denied],
  };
}

/**
 * Everything that must never leak from a fixture seeded with {@link canarySeed}: the
 * credentials, the secret settings of both configs (a rejected credential is usually close to
 * the real one), and every seeded value.
 */
export function secretsOf<Config>(
  options: ConformanceOptions<Config>,
  seed: ConformanceSeed,
  { store }: ConformanceFixture,
): string[] {
  return [
    ...store.credentials,
    ...secretSettingValues(options.provider.fields, store.config),
    ...secretSettingValues(options.provider.fields, store.badCredentialsConfig),
    ...seed.secrets.flatMap((secret) => secret.versions.flatMap((values) => Object.values(values))),
  ];
}

/** Every failure the suite can provoke on a {@link canarySeed} store, each caught. */
export async function provokeFailures<Config>(
  options: ConformanceOptions<Config>,
  fixture: ConformanceFixture,
): Promise<unknown[]> {
  const { store, createProvider, logger } = fixture;
  const good = createProvider();
  const bad = createProvider(store.badCredentialsConfig);
  const signal = liveSignal();
  const attempts: (() => Promise<unknown>)[] = [
    () => bad.read({ path: readable }, { signal }),
    () => bad.testConnection({ signal }),
    () => good.read({ path: denied }, { signal }),
    () => good.read({ path: 'conformance-canary-absent' }, { signal }),
    () => good.read({ path: readable }, { signal: AbortSignal.abort() }),
  ];
  if (options.features?.versions ?? true) {
    const version = store.missingVersion(readable);
    attempts.push(() => good.read({ path: readable, version }, { signal }));
  }
  const failures: unknown[] = [];
  for (const attempt of attempts) failures.push(await failureOf(attempt));
  for (const config of [store.config, store.badCredentialsConfig]) {
    failures.push(...(await resolverFailures(options, config, logger)));
  }
  return failures;
}

/** Failures through core's resolver: a wrong key, a denied path, and a connection test. */
async function resolverFailures<Config>(
  options: ConformanceOptions<Config>,
  config: unknown,
  logger: ConformanceFixture['logger'],
): Promise<unknown[]> {
  const multipleKeys = options.features?.multipleKeys ?? false;
  const key = multipleKeys ? 'api_key' : 'value';
  const resolver = createConformanceResolver(options.provider, config, logger);
  const failures: unknown[] = [];
  try {
    for (const [path, referenceKey] of [
      [readable, multipleKeys ? 'absent_key' : 'api_key'],
      [denied, key],
    ] as const) {
      const pipeline = pipelineReferencing(path, referenceKey);
      failures.push(await failureOf(() => resolver.resolvePipeline(pipeline, conformanceAccess)));
    }
    const outcome = await resolver.testConnection(conformanceIntegration);
    if (!outcome.ok) failures.push(outcome.error, outcome.message);
  } finally {
    await resolver.close();
  }
  return failures;
}

async function failureOf(attempt: () => Promise<unknown>): Promise<unknown> {
  return attempt().then(
    () => expect.fail('a call that must fail succeeded'),
    (error: unknown) => error,
  );
}
