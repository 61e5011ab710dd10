import { SecretError, secretSettingValues } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { canaryValue, errorTexts, expectNoSecretIn } from './canaries';
import type { ConformanceOptions, ConformanceSeed } from './conformance-harness';
import {
  conformanceAccess,
  createConformanceResolver,
  pipelineReferencing,
} from './conformance-resolver';
import {
  type ConformanceFixture,
  liveSignal,
  withConformanceStore,
} from './with-conformance-store';

/** Credentials and values never leak: not in messages, JSON forms, causes or log lines. */
export function describeCanaries<Config>(options: ConformanceOptions<Config>): void {
  const multipleKeys = options.features?.multipleKeys ?? false;
  const versions = options.features?.versions ?? true;
  const key = multipleKeys ? 'api_key' : 'value';
  const versioned = (label: string) =>
    versions
      ? [{ [key]: canaryValue(`${label}-old`) }, { [key]: canaryValue(label) }]
      : [{ [key]: canaryValue(label) }];
  const seed: ConformanceSeed = {
    secrets: [
      { path: 'conformance-canary', versions: versioned('readable') },
      { path: 'conformance-canary-denied', versions: versioned('denied') },
    ],
    deniedPaths: ['conformance-canary-denied'],
  };
  // The rejected credentials count too: a mistyped secret is usually close to the real one.
  const secretsOf = ({ store }: ConformanceFixture) => [
    ...store.credentials,
    ...secretSettingValues(options.provider.fields, store.config),
    ...secretSettingValues(options.provider.fields, store.badCredentialsConfig),
    ...seed.secrets.flatMap((secret) => secret.versions.flatMap((values) => Object.values(values))),
  ];

  /** Every failure the suite can provoke, each caught. */
  async function provokeFailures(fixture: ConformanceFixture): Promise<unknown[]> {
    const { store, createProvider, logger } = fixture;
    const good = createProvider();
    const bad = createProvider(store.badCredentialsConfig);
    const signal = liveSignal();
    const attempts: (() => Promise<unknown>)[] = [
      () => bad.read({ path: 'conformance-canary' }, { signal }),
      () => bad.testConnection({ signal }),
      () => good.read({ path: 'conformance-canary-denied' }, { signal }),
      () => good.read({ path: 'conformance-canary-absent' }, { signal }),
      () => good.read({ path: 'conformance-canary' }, { signal: AbortSignal.abort() }),
    ];
    if (versions) {
      const version = store.missingVersion('conformance-canary');
      attempts.push(() => good.read({ path: 'conformance-canary', version }, { signal }));
    }
    const failures: unknown[] = [];
    for (const attempt of attempts) {
      await attempt().then(
        () => expect.fail('a call that must fail succeeded'),
        (error: unknown) => failures.push(error),
      );
    }
    failures.push(...(await resolverFailures(store.config, logger)));
    failures.push(...(await resolverFailures(store.badCredentialsConfig, logger)));
    return failures;
  }

  /** Failures through core's resolver: a wrong key, a denied path, and a connection test. */
  async function resolverFailures(
    config: unknown,
    logger: ConformanceFixture['logger'],
  ): Promise<unknown[]> {
    const resolver = createConformanceResolver(options.provider, config, logger);
    const failures: unknown[] = [];
    try {
      for (const [path, referenceKey] of [
        ['conformance-canary', multipleKeys ? 'absent_key' : 'api_key'],
        ['conformance-canary-denied', key],
      ] as const) {
        await resolver
          .resolvePipeline(pipelineReferencing(path, referenceKey), conformanceAccess)
          .then(
            () => expect.fail('a resolution that must fail succeeded'),
            (error: unknown) => failures.push(error),
          );
      }
      const outcome = await resolver.testConnection('conformance');
      if (!outcome.ok) failures.push(outcome.error, outcome.message);
    } finally {
      await resolver.close();
    }
    return failures;
  }

  describe('canaries', () => {
    it('keeps credentials and values out of every error, JSON form and cause', async () => {
      await withConformanceStore(options, seed, async (fixture) => {
        const failures = await provokeFailures(fixture);
        for (const failure of failures) {
          if (typeof failure !== 'string') {
            expect(SecretError.isInstance(failure), `not a SecretError: ${String(failure)}`).toBe(
              true,
            );
          }
          const where = `the ${SecretError.isInstance(failure) ? failure.code : 'message'} failure`;
          expectNoSecretIn(errorTexts(failure), secretsOf(fixture), where);
        }
      });
    });

    it('keeps credentials and values out of every log line', async () => {
      await withConformanceStore(options, seed, async (fixture) => {
        const provider = fixture.createProvider();
        await provider.testConnection({ signal: liveSignal() });
        await provider.read({ path: 'conformance-canary' }, { signal: liveSignal() });
        await provokeFailures(fixture);
        expectNoSecretIn(fixture.logger.lines, secretsOf(fixture), 'the log output');
      });
    });
  });
}
