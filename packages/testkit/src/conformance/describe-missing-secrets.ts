import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceOptions, ConformanceSeed } from './conformance-harness';
import {
  conformanceAccess,
  createConformanceResolver,
  pipelineReferencing,
  resolvedValue,
} from './conformance-resolver';
import { expectSecretError } from './expect-secret-error';
import { liveSignal, withConformanceStore } from './with-conformance-store';

const path = 'conformance-present';

/** Missing paths and keys, and reads through core's resolver. */
export function describeMissingSecrets<Config>(options: ConformanceOptions<Config>): void {
  const multipleKeys = options.features?.multipleKeys ?? false;
  const key = multipleKeys ? 'api_key' : 'value';
  const seed: ConformanceSeed = { secrets: [{ path, versions: [{ [key]: 'present value' }] }] };
  const resolverFor = (config: unknown, logger: Parameters<typeof createConformanceResolver>[2]) =>
    createConformanceResolver(options.provider, config, logger);

  describe('missing secrets', () => {
    it('fails with SECRET_NOT_FOUND for a path the store does not have', async () => {
      await withConformanceStore(options, seed, async ({ createProvider }) => {
        await expectSecretError(
          () => createProvider().read({ path: 'conformance-absent' }, { signal: liveSignal() }),
          'SECRET_NOT_FOUND',
        );
      });
    });

    it('resolves a reference through core’s resolver', async () => {
      await withConformanceStore(options, seed, async ({ store, logger }) => {
        const resolver = resolverFor(store.config, logger);
        try {
          const result = await resolver.resolvePipeline(
            pipelineReferencing(path, key),
            conformanceAccess,
          );
          expect(resolvedValue(result.pipeline)).toBe('present value');
          expect(result.secrets).toContain('present value');
          expect(result.records).toHaveLength(1);
          expect(result.records[0]).toMatchObject({ path, key });
        } finally {
          await resolver.close();
        }
      });
    });

    if (multipleKeys) {
      it('fails with KEY_NOT_FOUND, through core’s resolver, for a key the secret lacks', async () => {
        await withConformanceStore(options, seed, async ({ store, logger }) => {
          const resolver = resolverFor(store.config, logger);
          try {
            const error = await expectSecretError(
              () =>
                resolver.resolvePipeline(
                  pipelineReferencing(path, 'absent_key'),
                  conformanceAccess,
                ),
              'RESOLUTION_FAILED',
            );
            expect(error.errors?.map((failure) => failure.code)).toEqual(['KEY_NOT_FOUND']);
          } finally {
            await resolver.close();
          }
        });
      });
    } else {
      it('rejects a key other than `value` in validateReference, before any I/O', async () => {
        await withConformanceStore(options, seed, async ({ store, createProvider, logger }) => {
          const provider = createProvider();
          expect(provider.validateReference, 'single-valued stores validate keys').toBeTypeOf(
            'function',
          );
          await expectSecretError(
            () => provider.validateReference?.({ path, key: 'api_key' }),
            'INVALID_REFERENCE',
          );
          const before = store.requestCount();
          const resolver = resolverFor(store.config, logger);
          try {
            const error = await expectSecretError(
              () =>
                resolver.resolvePipeline(pipelineReferencing(path, 'api_key'), conformanceAccess),
              'RESOLUTION_FAILED',
            );
            expect(error.errors?.map((failure) => failure.code)).toEqual(['INVALID_REFERENCE']);
            expect(SecretError.isInstance(error.errors?.[0])).toBe(true);
            expect(store.requestCount(), 'planning must fail before any I/O').toBe(before);
          } finally {
            await resolver.close();
          }
        });
      });
    }
  });
}
