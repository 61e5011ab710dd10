import https from 'node:https';
import net from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorHandler } from './emulator-types';
import { FaultQueue } from './fault-queue';
import { startLoopbackServer } from './loopback-server';
import { mountOnNock } from './nock-transport';
import { RequestLog } from './request-log';

const echo: EmulatorHandler = (request) => ({
  operation: request.path.startsWith('/login') ? 'login' : 'read',
  response: {
    status: 200,
    body: { path: request.path, q: request.query.get('q'), body: request.body },
  },
});

function getWithCa(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve(text));
      })
      .on('error', reject);
  });
}

describe('startLoopbackServer', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('serves the handler over HTTP, keeps the raw path, and logs each request', async () => {
    const log = new RequestLog(['x-vault-namespace']);
    const server = await startLoopbackServer({ handler: echo, log, faults: new FaultQueue() });
    try {
      const response = await fetch(`${server.url}/v1/a%2Fb/c?q=1`, {
        headers: { 'x-vault-namespace': 'team' },
      });
      expect(await response.json()).toMatchObject({ q: '1' });
      expect(log.entries[0]).toMatchObject({
        method: 'GET',
        operation: 'read',
        status: 200,
        notableHeaders: { 'x-vault-namespace': 'team' },
      });
      expect(log.entries[0]?.path).toContain('%2F');
    } finally {
      await server.close();
    }
  });

  it('serves HTTPS that a client trusts only with the generated CA', async () => {
    const log = new RequestLog();
    const server = await startLoopbackServer({
      handler: echo,
      log,
      faults: new FaultQueue(),
      tls: true,
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      await expect(fetch(`${server.url}/x`)).rejects.toThrow();
      const text = await getWithCa(`${server.url}/x?q=2`, server.caCert!);
      expect(JSON.parse(text)).toMatchObject({ path: '/x', q: '2' });
    } finally {
      await server.close();
    }
  });

  it('applies an injected fault to the matching operation only, the given number of times', async () => {
    const log = new RequestLog();
    const faults = new FaultQueue();
    faults.inject(
      { kind: 'status', status: 503, body: { errors: ['sealed'] } },
      { operation: 'read', times: 1 },
    );
    const server = await startLoopbackServer({ handler: echo, log, faults });
    try {
      expect((await fetch(`${server.url}/login`)).status).toBe(200);
      expect((await fetch(`${server.url}/read`)).status).toBe(503);
      expect((await fetch(`${server.url}/read`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('close() does not wait for a client stuck before its TLS handshake', async () => {
    const server = await startLoopbackServer({
      handler: echo,
      log: new RequestLog(),
      faults: new FaultQueue(),
      tls: true,
    });
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = server.close().then(() => 'closed');
    const outcome = await Promise.race([
      closed,
      new Promise((resolve) => setTimeout(resolve, 2000, 'still open')),
    ]);
    socket.destroy();
    await closed;
    expect(outcome).toBe('closed');
  });

  it('close() ends a request that hangs', async () => {
    const faults = new FaultQueue();
    faults.inject({ kind: 'hang' });
    const server = await startLoopbackServer({ handler: echo, log: new RequestLog(), faults });
    const pending = fetch(`${server.url}/read`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    expect(await pending).toBe('failed');
  });
});

describe('mountOnNock', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('answers through nock with the same handler, for fetch, without a socket', async () => {
    nock.disableNetConnect();
    const log = new RequestLog();
    mountOnNock(nock, 'https://vault.example.test', { handler: echo, log });
    const response = await fetch('https://vault.example.test/login?q=3', {
      method: 'POST',
      body: '{"a":1}',
    });
    expect(await response.json()).toMatchObject({ path: '/login', q: '3', body: '{"a":1}' });
    expect(log.count('login')).toBe(1);
  });
});
