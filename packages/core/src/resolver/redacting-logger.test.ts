import { describe, expect, it } from 'vitest';
import { createMemoryIntegrationStore } from '../integrations/create-memory-integration-store';
import { createProviderRegistry } from '../registry/create-provider-registry';
import { silentLogger } from '../spec/v1/logger';
import type { ProviderDefinition } from '../spec/v1/provider-definition';
import { ADMITTED, captureLog, external, pipelineOf } from './__fixtures__/resolver-setup';
import { createSecretResolver } from './create-secret-resolver';
import { createRedactingLogger } from './redacting-logger';

const TOKEN = 'CANARY-CARELESS-TOKEN-5d1e';

/** A careless third-party provider that logs its own credential everywhere it can. */
const careless: ProviderDefinition<{ token: string }> = {
  specificationVersion: 'v1',
  type: 'careless',
  displayName: 'Careless store',
  fields: [{ name: 'token', label: 'Token', required: true, secret: true, kind: 'string' }],
  parseConfig: (input) => input as { token: string },
  create(config, context) {
    context.logger.info(`created with token ${config.token}`, {
      token: config.token,
      nested: { list: [`Bearer ${config.token}`] },
    });
    return {
      async testConnection() {
        context.logger.warn(`testing with ${config.token}`);
      },
      async read() {
        context.logger.debug('read', { header: `X-Token: ${config.token}` });
        return { values: { value: 'plain-value' } };
      },
      async close() {},
    };
  },
};

describe('the logger a provider receives', () => {
  it('redacts the integration secret settings from messages and fields, at any depth', async () => {
    const log = captureLog();
    const resolver = createSecretResolver({
      registry: createProviderRegistry({ providers: [careless] }),
      integrations: createMemoryIntegrationStore([
        {
          id: 1,
          name: 'careless-store',
          type: 'careless',
          config: { token: TOKEN },
          allow: { users: [], orgs: ['acme'], repos: [] },
        },
      ]),
      logger: log.logger,
    });
    try {
      const pipeline = pipelineOf({ VALUE: external('a/b', 'value', undefined, 'careless-store') });
      await resolver.resolvePipeline(pipeline, ADMITTED);
      expect((await resolver.testConnection('careless-store')).ok).toBe(true);
    } finally {
      await resolver.close();
    }
    const text = log.lines.join('\n');
    expect(text).toContain('created with token [REDACTED]');
    expect(text).toContain('testing with [REDACTED]');
    expect(text).not.toContain(TOKEN);
  });

  it('is the silent logger itself when the host logs nothing: no redaction work per log line', () => {
    expect(createRedactingLogger(silentLogger, [TOKEN])).toBe(silentLogger);
    expect(createRedactingLogger(captureLog().logger, [TOKEN])).not.toBe(silentLogger);
  });
});
