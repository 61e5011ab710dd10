import { describe } from 'vitest';
import type { ConformanceOptions } from './conformance-harness';
import { describeAbort } from './describe-abort';
import { describeAccessFailures } from './describe-access-failures';
import { describeCanaries } from './describe-canaries';
import { describeClose } from './describe-close';
import { describeConfigValidation } from './describe-config-validation';
import { describeCreateWithoutIo } from './describe-create-without-io';
import { describeMissingSecrets } from './describe-missing-secrets';
import { describeModuleShape } from './describe-module-shape';
import { describeReads } from './describe-reads';
import { describeTestConnection } from './describe-test-connection';
import { describeVersions } from './describe-versions';

/**
 * The suite every provider runs, ours and third parties': call it at the top level of a
 * `*.conformance.test.ts` file with the provider and a harness that seeds its store.
 * Groups a store cannot express are left out through `features`.
 *
 * @example
 * describeProviderConformance({ provider, module: await import('../index'), setup: startVaultHarness,
 *   features: { multipleKeys: true } });
 */
export function describeProviderConformance<Config>(options: ConformanceOptions<Config>): void {
  describe(`${options.provider.type} provider conformance`, () => {
    describeModuleShape(options);
    describeConfigValidation(options);
    describeCreateWithoutIo(options);
    describeReads(options);
    if (options.features?.versions ?? true) describeVersions(options);
    describeMissingSecrets(options);
    describeAccessFailures(options);
    describeAbort(options);
    describeClose(options);
    describeTestConnection(options);
    describeCanaries(options);
  });
}
