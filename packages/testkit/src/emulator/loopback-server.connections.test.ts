import https from 'node:https';
import { describe, expect, it } from 'vitest';
import { FaultQueue } from './fault-queue';
import { startLoopbackServer } from './loopback-server';
import { RequestLog } from './request-log';

// Apart from loopback-server.test.ts: importing nock replaces Node's ClientRequest with a
// socketless one in that file, and a socketless request never reuses a connection.
describe('startLoopbackServer connections', () => {
  it('keeps connections open between requests, as real stores do, so a keep-alive client reuses one', async () => {
    const server = await startLoopbackServer({
      handler: (request) => ({
        operation: 'read',
        response: { status: 200, body: { path: request.path } },
      }),
      log: new RequestLog(),
      faults: new FaultQueue(),
      tls: true,
    });
    const agent = new https.Agent({ keepAlive: true, ca: server.caCert! });
    try {
      const reused: boolean[] = [];
      for (let request = 0; request < 3; request++) {
        await new Promise<void>((resolve, reject) => {
          const outgoing = https.get(`${server.url}/x`, { agent }, (response) => {
            response.resume();
            response.on('end', () => resolve());
          });
          outgoing.on('error', reject);
          outgoing.on('socket', () => reused.push(outgoing.reusedSocket));
        });
        // Let the agent take the socket back into its pool before the next request.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(reused).toEqual([false, true, true]);
    } finally {
      agent.destroy();
      await server.close();
    }
  });
});
