// Run in a child process by infisical-errors.e2e.test.ts: resolves a pipeline against an
// Infisical on a port that was just closed, prints what happened as one JSON line, and then
// simply ends. The process exits by itself only if nothing (no retry timer, no socket) was
// left behind.
import { createServer } from 'node:net';
import { SecretError } from '@fromsecret/core';
import { settingsFor } from './infisical-fixtures';
import { acme, integration, pipelineOf, resolverFor } from './resolver-fixtures';

const server = createServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
await new Promise<void>((resolve) => server.close(() => resolve()));

const resolver = resolverFor([
  integration(1, 'infisical-down', settingsFor(`http://127.0.0.1:${port}`)),
]);
const started = performance.now();
let codes: string[] = [];
try {
  await resolver.resolvePipeline(
    pipelineOf({ API_KEY: { integration: 'infisical-down', path: 'API_KEY', key: 'value' } }),
    acme,
  );
} catch (error) {
  codes = SecretError.isInstance(error)
    ? (error.errors ?? [error]).map((each) => each.code)
    : ['not a SecretError'];
}
const elapsedMs = Math.round(performance.now() - started);
await resolver.close();
process.stdout.write(`${JSON.stringify({ codes, elapsedMs })}\n`);
