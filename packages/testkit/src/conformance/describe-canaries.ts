import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { errorTexts, expectNoSecretIn } from './canaries';
import type { ConformanceOptions } from './conformance-harness';
import { canarySeed, provokeFailures, secretsOf } from './provoke-failures';
import { liveSignal, withConformanceStore } from './with-conformance-store';

/** Credentials and values never leak: not in messages, JSON forms, causes or log lines. */
export function describeCanaries<Config>(options: ConformanceOptions<Config>): void {
  const key = options.features?.multipleKeys ? 'api_key' : 'value';
  const seed = canarySeed(key, options.features?.versions ?? true);

  describe('canaries', () => {
    it('keeps credentials and values out of every error, JSON form and cause', async () => {
      await withConformanceStore(options, seed, async (fixture) => {
        const failures = await provokeFailures(options, fixture);
        for (const failure of failures) {
          if (typeof failure !== 'string') {
            expect(SecretError.isInstance(failure), `not a SecretError: ${String(failure)}`).toBe(
              true,
            );
          }
          const where = `the ${SecretError.isInstance(failure) ? failure.code : 'message'} failure`;
          expectNoSecretIn(errorTexts(failure), secretsOf(options, seed, fixture), where);
        }
      });
    });

    it('keeps credentials and values out of every log line', async () => {
      await withConformanceStore(options, seed, async (fixture) => {
        const provider = fixture.createProvider();
        await provider.testConnection({ signal: liveSignal() });
        await provider.read({ path: 'conformance-canary' }, { signal: liveSignal() });
        await provokeFailures(options, fixture);
        expectNoSecretIn(fixture.logger.lines, secretsOf(options, seed, fixture), 'the log output');
      });
    });
  });
}
