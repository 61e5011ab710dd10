import { SecretError } from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { errorTexts, expectNoSecretIn } from './canaries';
import type { ConformanceOptions } from './conformance-harness';
import { expectSecretError } from './expect-secret-error';

/** `parseConfig`: every problem in one INVALID_CONFIG error, hints, and no credential shown. */
export function describeConfigValidation<Config>(options: ConformanceOptions<Config>): void {
  const { provider } = options;

  describe('config', () => {
    it('reports every missing required setting at once in one INVALID_CONFIG', async () => {
      const error = await expectSecretError(() => provider.parseConfig({}), 'INVALID_CONFIG');
      const issues = error.issues ?? [];
      const required = provider.fields.filter((field) => field.required);
      expect(required.length, 'a provider with no required setting cannot connect').toBeGreaterThan(
        0,
      );
      for (const field of required) {
        expect(
          issues.some((issue) => issue.includes(field.name)),
          `no issue names the missing setting "${field.name}"`,
        ).toBe(true);
      }
    });

    it('names an unknown setting and suggests the nearest valid one', async () => {
      const field = provider.fields.find((candidate) => misspell(candidate.name) !== undefined);
      expect(field, 'needs a setting name with two different adjacent letters').toBeDefined();
      const misspelled = misspell(field!.name)!;
      const error = await expectSecretError(
        () => provider.parseConfig({ [misspelled]: 'x' }),
        'INVALID_CONFIG',
      );
      const issue = (error.issues ?? []).find((text) => text.includes(misspelled));
      expect(issue, `no issue names the unknown setting "${misspelled}"`).toBeDefined();
      expect(issue, 'the issue must suggest the valid setting').toContain(field!.name);
    });

    it('never shows a credential or a value in the error', async () => {
      const canaries: string[] = [];
      const input: Record<string, unknown> = {};
      for (const field of provider.fields.filter((candidate) => candidate.secret)) {
        // Surrounding whitespace makes the value invalid, so the provider has to talk about it.
        const canary = `CANARY-CONFIG-${field.name}-7f3a`;
        canaries.push(canary);
        input[field.name] = `  ${canary}\t`;
      }
      const unknownCanary = 'CANARY-CONFIG-unknown-7f3a';
      canaries.push(unknownCanary);
      input.notASettingOfThisProvider = unknownCanary;
      const error = await expectSecretError(() => provider.parseConfig(input), 'INVALID_CONFIG');
      expectNoSecretIn(errorTexts(error), canaries, 'the INVALID_CONFIG error');
    });

    it('accepts the working config of a store, without I/O', async () => {
      const store = await options.setup({ secrets: [] });
      try {
        const before = store.requestCount();
        expect(() => provider.parseConfig(store.config)).not.toThrow();
        expect(() => provider.parseConfig(store.badCredentialsConfig)).not.toThrow();
        expect(store.requestCount()).toBe(before);
      } finally {
        await store.close();
      }
    });

    it('throws SecretErrors only, also for input that is not an object', async () => {
      for (const input of [undefined, null, 'text', 42, []]) {
        let failure: unknown;
        try {
          provider.parseConfig(input);
        } catch (error) {
          failure = error;
        }
        expect(SecretError.isInstance(failure), `parseConfig(${JSON.stringify(input)})`).toBe(true);
        expect((failure as SecretError).code).toBe('INVALID_CONFIG');
      }
    });
  });
}

/** The name with its first pair of different adjacent letters swapped; undefined if none. */
function misspell(name: string): string | undefined {
  for (let index = 1; index < name.length - 1; index++) {
    if (name[index] !== name[index + 1]) {
      return name.slice(0, index) + name[index + 1] + name[index] + name.slice(index + 2);
    }
  }
  return undefined;
}
