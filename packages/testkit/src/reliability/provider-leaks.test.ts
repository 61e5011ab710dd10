import {
  createProviderContext,
  type ProviderReference,
  SecretError,
  type SecretProvider,
} from '@fromsecret/core';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorTexts, expectNoSecretIn } from '../conformance/canaries';
import { createCapturingLogger } from '../conformance/capturing-logger';
import { LEAK_SCENARIOS, type LeakScenario } from './leak-scenarios';
import { TARGETS } from './provider-targets';
import type { ReliabilityTarget } from './reliability-target';
import { ACME, INTERNAL_VALUE, pipelineFor, resolverFor } from './target-resolver';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());

function settingsFor(target: ReliabilityTarget, scenario: LeakScenario) {
  return { ...(target.integration.config as object), ...scenario.config?.(target) };
}

function referenceFor(target: ReliabilityTarget, scenario: LeakScenario): ProviderReference {
  return { ...target.reference, ...scenario.reference?.(target) } as ProviderReference;
}

/** Every text the resolver's failure and its log hold, for a resolution under `scenario`. */
async function throughTheResolver(target: ReliabilityTarget, scenario: LeakScenario) {
  const withSettings = {
    ...target,
    integration: { ...target.integration, config: settingsFor(target, scenario) },
  };
  const { resolver, logger } = resolverFor(withSettings);
  try {
    if (scenario.warm) await resolver.resolvePipeline(pipelineFor(target), ACME);
    scenario.arrange?.(target);
    const error = await resolver
      .resolvePipeline(pipelineFor(target, referenceFor(target, scenario)), ACME)
      .then(
        () => expect.unreachable(`${scenario.name} should fail`),
        (caught: unknown) => caught,
      );
    const connection = await resolver.testConnection(target.integration.id);
    const connectionTexts = connection.ok
      ? []
      : [connection.message, ...errorTexts(connection.error)];
    return { error, texts: [...errorTexts(error), ...connectionTexts, ...logger.lines] };
  } finally {
    await resolver.close();
    target.faults.clear();
  }
}

/** The same, straight through the provider: no resolver scrubs anything on the way. */
async function throughTheProvider(target: ReliabilityTarget, scenario: LeakScenario) {
  const logger = createCapturingLogger();
  const texts: string[] = [];
  const signal = new AbortController().signal;
  let provider: SecretProvider | undefined;
  try {
    const { definition } = target;
    provider = definition.create(
      definition.parseConfig(settingsFor(target, scenario)),
      createProviderContext({ logger }),
    );
    if (scenario.warm) await provider.read({ path: target.reference.path }, { signal });
    scenario.arrange?.(target);
    const reference = referenceFor(target, scenario);
    provider.validateReference?.(reference);
    const { path, version } = reference;
    const data = await provider.read(
      { path, ...(version === undefined ? {} : { version }) },
      { signal },
    );
    // A missing key is the resolver's to report; the provider read every key there is.
    expect(data.values).not.toHaveProperty('absent');
  } catch (error) {
    if (!SecretError.isInstance(error)) throw error;
    texts.push(...errorTexts(error));
  } finally {
    await provider?.close();
    target.faults.clear();
  }
  return [...texts, ...logger.lines];
}

describe.each(TARGETS)('$type: no canary on any error path', ({ start }) => {
  // A store of its own for each scenario: a denial or a fault must not reach the next one.
  let target: ReliabilityTarget;
  beforeEach(async () => {
    target = await start();
  });
  afterEach(() => target.close());

  it.each(LEAK_SCENARIOS)('$name, through the resolver', async (scenario) => {
    const { error, texts } = await throughTheResolver(target, scenario);
    expect(SecretError.isInstance(error) && error.code).toBe('RESOLUTION_FAILED');
    expectNoSecretIn(texts, [...target.secrets(), INTERNAL_VALUE], scenario.name);
  });

  it.each(LEAK_SCENARIOS)('$name, straight through the provider', async (scenario) => {
    const texts = await throughTheProvider(target, scenario);
    // The internal secret's value is the resolver's to scrub: a provider never read it.
    expectNoSecretIn(texts, target.secrets(), scenario.name);
  });
});
