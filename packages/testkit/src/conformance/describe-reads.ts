import { describe, expect, it } from 'vitest';
import type { ConformanceOptions } from './conformance-harness';
import { exactValueSamples } from './exact-value-samples';
import { liveSignal, withConformanceStore } from './with-conformance-store';

/** `read()` gives back exactly what the store holds, at the latest version. */
export function describeReads<Config>(options: ConformanceOptions<Config>): void {
  const multipleKeys = options.features?.multipleKeys ?? false;
  const versions = options.features?.versions ?? true;

  describe('reads', () => {
    for (const sample of exactValueSamples) {
      it(`returns ${sample.description} byte for byte`, async () => {
        const path = `conformance-${sample.name}`;
        // On a multi-key store a neighbouring key shows that read() returns the whole secret.
        const values: Record<string, string> = multipleKeys
          ? { [sample.name]: sample.value, neighbour: 'the neighbouring key' }
          : { value: sample.value };
        await withConformanceStore(
          options,
          { secrets: [{ path, versions: [values] }] },
          async ({ createProvider }) => {
            const data = await createProvider().read({ path }, { signal: liveSignal() });
            expect({ ...data.values }).toEqual(values);
            const key = multipleKeys ? sample.name : 'value';
            expect(data.values[key] === sample.value, 'the value came back altered').toBe(true);
          },
        );
      });
    }

    it('reads the latest version when none is given', async () => {
      const path = 'conformance-latest';
      const key = multipleKeys ? 'api_key' : 'value';
      const history = versions
        ? [{ [key]: 'first version' }, { [key]: 'second version' }]
        : [{ [key]: 'second version' }];
      await withConformanceStore(
        options,
        { secrets: [{ path, versions: history }] },
        async ({ createProvider }) => {
          const data = await createProvider().read({ path }, { signal: liveSignal() });
          expect(data.values[key]).toBe('second version');
        },
      );
    });

    it('serves concurrent reads of different paths from one provider', async () => {
      const key = multipleKeys ? 'api_key' : 'value';
      const secrets = ['one', 'two', 'three'].map((name) => ({
        path: `conformance-concurrent-${name}`,
        versions: [{ [key]: `value ${name}` }],
      }));
      await withConformanceStore(options, { secrets }, async ({ createProvider }) => {
        const provider = createProvider();
        const results = await Promise.all(
          secrets.map((secret) => provider.read({ path: secret.path }, { signal: liveSignal() })),
        );
        expect(results.map((data) => data.values[key])).toEqual([
          'value one',
          'value two',
          'value three',
        ]);
      });
    });
  });
}
