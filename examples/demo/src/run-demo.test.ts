import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, everyDemoSecret } from './demo-secrets';
import { summarizePipeline } from './pipeline-summary';
import { type DemoResult, DemoStepError, runDemo } from './run-demo';

interface Captured {
  text: string;
  result: DemoResult;
}

async function captureDemo(options: { credentials?: Record<string, string> } = {}) {
  const output = { text: '' };
  const run = runDemo({
    output: { write: (text: string) => (output.text += text) },
    signal: new AbortController().signal,
    ...options,
  });
  return { output, run };
}

/** The emulators' URLs as section 1 printed them. */
function emulatorPorts(text: string): number[] {
  return [...text.matchAll(/^ {2}\S.* {2}https:\/\/127\.0\.0\.1:(\d+) /gm)].map((match) =>
    Number(match[1]),
  );
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

function expectNoSecret(text: string): void {
  for (const value of everyDemoSecret()) {
    expect(text).not.toContain(value);
    expect(text).not.toContain(Buffer.from(value).toString('base64'));
    expect(text).not.toContain(encodeURIComponent(value));
  }
}

describe('the demo', () => {
  let captured: Captured;
  beforeAll(async () => {
    const { output, run } = await captureDemo();
    captured = { result: await run, text: output.text };
  }, 120_000);

  it('prints the four sections, three successful connection tests and the masked pipeline', () => {
    const headings = captured.text.match(/^\d\. .+$/gm);
    expect(headings).toEqual([
      '1. Starting the emulators (loopback, HTTPS)',
      '2. Testing each integration (logs in, reads nothing)',
      '3. Resolving examples/demo/pipeline.yml (values masked)',
      '4. Requests per store (during the resolution)',
    ]);
    expect(captured.text.match(/^ {4}Connection test successful$/gm)).toHaveLength(3);
    expect(captured.text).toContain('      PAYMENT_API_KEY: "********"');
    expect(captured.text).toContain('          password: "********"');
    expect(captured.text).toContain('Resolved 12 references:');
    expect(captured.text).toContain(
      'path acme/app/payments key api_key version 2 (store version 2)',
    );
  });

  it('prints no credential and no secret value, in any encoding', () => {
    expectNoSecret(captured.text);
  });

  it('made the minimum of requests: one login per store and one read per distinct path', () => {
    const summary = summarizePipeline();
    expect(Object.fromEntries(summary.distinctReads)).toEqual({
      'vault-demo': 2,
      'azure-demo': 2,
      'infisical-demo': 2,
    });
    expect(captured.result.requests).toEqual([
      { store: 'vault-demo', logins: 1, reads: 2, other: { 'revoke-self': 1 }, total: 4 },
      {
        store: 'azure-demo',
        logins: 1,
        reads: 2,
        other: { openid: 1 },
        total: 4,
      },
      { store: 'infisical-demo', logins: 1, reads: 2, other: { revoke: 1 }, total: 4 },
    ]);
    expect(captured.text).toContain('3 logins + 6 reads, the minimum.');
  });

  it('stopped the emulators and removed its temporary directory', async () => {
    expect(existsSync(captured.result.directory)).toBe(false);
    const ports = emulatorPorts(captured.text);
    expect(ports).toHaveLength(3);
    for (const port of ports) expect(await refusesConnections(port)).toBe(true);
  });
});

describe('the demo when a step fails', () => {
  it('stops at the failing command with its error, cleans up, and shows no secret', async () => {
    const wrong = { ...DEMO_CREDENTIALS, VAULT_SECRET_ID: 'demo-wrong-secret-id-0000' };
    const { output, run } = await captureDemo({ credentials: wrong });
    const failure = await run.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DemoStepError);
    expect((failure as Error).message).toMatch(/^fromsecret test vault-demo .* exit status 1/);
    expect(output.text).toMatch(/^ {4}fromsecret: AUTHENTICATION_FAILED: /m);
    expect(output.text).not.toContain('3. Resolving');
    expectNoSecret(output.text);
    expect(output.text).not.toContain(wrong.VAULT_SECRET_ID);
    const directory = /DEMO_TMP=(\S+)/.exec(output.text)?.[1];
    expect(directory).toBeDefined();
    expect(existsSync(directory!)).toBe(false);
    for (const port of emulatorPorts(output.text)) {
      expect(await refusesConnections(port)).toBe(true);
    }
  }, 60_000);
});
