import { inspect } from 'node:util';
import {
  createMemoryIntegrationStore,
  createMemorySecretStore,
  createProviderRegistry,
  createSecretResolver,
  SecretError,
} from '@fromsecret/core';
import { describe, expect, it } from 'vitest';
import { errorTexts, expectNoSecretIn } from '../conformance/canaries';
import { createCapturingLogger } from '../conformance/capturing-logger';
import {
  NAUGHTY_API_KEY,
  NAUGHTY_VALUE,
  type NaughtyFailure,
  naughtyProvider,
} from './naughty-provider';

const INTERNAL = 'CANARY-RESOLVER-INTERNAL-5d7e';
const PASTED = 'CANARY-PASTED-INTO-A-PIPELINE-0e9f';
/** Always known to the resolver: the secret setting, and the internal value it reads. */
const KNOWN = [NAUGHTY_API_KEY, INTERNAL];
const ACCESS = { org: 'acme' };

function naughtyResolver(fail: NaughtyFailure) {
  const logger = createCapturingLogger();
  const resolver = createSecretResolver({
    registry: createProviderRegistry({ providers: [naughtyProvider] }),
    integrations: createMemoryIntegrationStore([
      {
        id: 1,
        name: 'naughty',
        type: 'naughty',
        config: { apiKey: NAUGHTY_API_KEY, fail },
        allow: { users: [], orgs: ['acme'], repos: [] },
      },
    ]),
    internalSecrets: createMemorySecretStore({ internal: INTERNAL }),
    logger,
  });
  return { resolver, logger };
}

/** A good read, an internal secret and one failing read, in one step. */
const pipeline = (failingPath = 'bad') => ({
  steps: [
    {
      name: 'x',
      environment: {
        GOOD: { from_secret: { integration: 'naughty', path: 'good', key: 'key' } },
        INTERNAL: { from_secret: 'internal' },
        BAD: { from_secret: { integration: 'naughty', path: failingPath, key: 'key' } },
      },
    },
  ],
});

async function everyText(fail: NaughtyFailure): Promise<string[]> {
  const { resolver, logger } = naughtyResolver(fail);
  const texts: string[] = [];
  const outcome = await resolver.resolvePipeline(pipeline(), ACCESS).then(
    (result) => result,
    (error: unknown) => {
      expect(SecretError.isInstance(error)).toBe(true);
      texts.push(...errorTexts(error), inspect(error, { depth: 10 }));
      return undefined;
    },
  );
  if (outcome !== undefined) texts.push(JSON.stringify(outcome.records));
  const connection = await resolver.testConnection('naughty');
  texts.push(JSON.stringify(connection));
  if (!connection.ok) texts.push(...errorTexts(connection.error));
  // A close failure is reported (tokens may stay valid), and must be as clean as the rest.
  await resolver.close().catch((error: unknown) => texts.push(...errorTexts(error)));
  return [...texts, ...logger.lines];
}

describe("the resolver's second line of defence, against a provider that leaks", () => {
  it.each([
    'parse-config',
    'create',
    'validate-reference',
    'test-connection',
    'close',
  ] as NaughtyFailure[])('keeps the secret setting out of a failure at %s', async (fail) => {
    // No value was read in the same operation: the resolver cannot know the one it quotes.
    expectNoSecretIn(await everyText(fail), KNOWN, fail);
  });

  it.each([
    'read-plain-error',
    'read-secret-error',
    'read-error-with-cause',
    'read-non-error',
  ] as NaughtyFailure[])(
    'keeps the secret setting and every value read out of a failure at %s',
    async (fail) => {
      expectNoSecretIn(await everyText(fail), [...KNOWN, NAUGHTY_VALUE], fail);
    },
  );

  // Unknown field names are quoted (cut to 64 characters) by decision 0100; values never are.
  it('quotes no reference value a user pasted a secret into', async () => {
    const { resolver, logger } = naughtyResolver('read-plain-error');
    const pasted = {
      steps: [
        {
          name: 'x',
          environment: {
            A: { from_secret: ` ${PASTED}` },
            B: { from_secret: { integration: 'naughty', path: `${PASTED}\n`, key: ` ${PASTED}` } },
            C: { from_secret: { integration: `${PASTED} `, path: 'p', key: 'k' } },
            D: {
              from_secret: { integration: 'naughty', path: 'p', key: 'k', version: `${PASTED}\t` },
            },
          },
        },
      ],
    };
    const error = await resolver.resolvePipeline(pasted, ACCESS).then(
      () => expect.unreachable('the pipeline is invalid'),
      (caught: unknown) => caught,
    );
    await resolver.close();
    expectNoSecretIn([...errorTexts(error), ...logger.lines], [PASTED], 'pasted references');
  });
});
