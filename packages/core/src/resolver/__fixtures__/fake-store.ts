import { invalidConfigError } from '../../config/invalid-config-error';
import { parseConfigFields } from '../../config/parse-config-fields';
import { SecretError } from '../../errors/secret-error';
import type { ConfigField } from '../../spec/v1/config-field';
import type { ProviderDefinition } from '../../spec/v1/provider-definition';
import type {
  ProviderReference,
  ReadRequest,
  SecretData,
  SecretProvider,
} from '../../spec/v1/secret-provider';

/** Settings of the fake provider: a URL and a secret token, like a real store's. */
export interface FakeConfig {
  url: string;
  token: string;
}

/** What a read may do instead of answering: throw this error (a SecretError or anything). */
export type FakeFailure = (request: ReadRequest, attempt: number) => unknown;

/** Counters and knobs shared by every provider the fake definition creates. */
export interface FakeStore {
  definition: ProviderDefinition<FakeConfig>;
  /** path -> key -> value; versions as `path@version`. */
  secrets: Map<string, Record<string, string>>;
  counts: { creates: number; logins: number; reads: number; closes: number; tests: number };
  /** The most reads in flight at once, per config url. */
  maximumInFlight: Map<string, number>;
  requests: Array<ReadRequest & { url: string }>;
  /** Every reference given to `validateReference`. */
  validated: ProviderReference[];
  /** When set, every read waits for it: lets a test hold reads in flight deterministically. */
  gate?: Promise<void>;
  /** What `close` throws, when set. */
  closeFailure?: unknown;
  latencyMs: number;
  /** When true, reads never look at their signal (a careless third-party provider). */
  ignoreSignal: boolean;
  fail?: FakeFailure;
  /** What `read` returns instead of stored data, to test malformed results. */
  answer?: (request: ReadRequest) => unknown;
  testConnectionFailure?: unknown;
}

const fields: readonly ConfigField[] = [
  { name: 'url', label: 'URL', required: true, secret: false, kind: 'url' },
  { name: 'token', label: 'Token', required: true, secret: true, kind: 'string' },
];

/** A fake store and its provider type (`fake` unless told otherwise), counting everything. */
export function createFakeStore(type = 'fake'): FakeStore {
  const store: FakeStore = {
    secrets: new Map(),
    counts: { creates: 0, logins: 0, reads: 0, closes: 0, tests: 0 },
    maximumInFlight: new Map(),
    requests: [],
    validated: [],
    latencyMs: 0,
    ignoreSignal: false,
    definition: undefined as unknown as ProviderDefinition<FakeConfig>,
  };
  store.definition = {
    specificationVersion: 'v1',
    type,
    displayName: 'Fake store',
    fields,
    parseConfig(input) {
      const { values, issues } = parseConfigFields(fields, input);
      if (issues.length > 0) throw invalidConfigError(type, issues);
      return values as unknown as FakeConfig;
    },
    create(config) {
      store.counts.creates++;
      return createFakeProvider(store, config);
    },
  };
  return store;
}

function createFakeProvider(store: FakeStore, config: FakeConfig): SecretProvider {
  let loggedIn = false;
  let inFlight = 0;
  const attempts = new Map<string, number>();
  return {
    validateReference(reference) {
      store.validated.push(reference);
      if (reference.key === 'forbidden-key') {
        throw new SecretError({
          code: 'INVALID_REFERENCE',
          message: 'the fake store has no key "forbidden-key"',
        });
      }
    },
    async testConnection() {
      store.counts.tests++;
      store.counts.logins++;
      if (store.testConnectionFailure !== undefined) throw store.testConnectionFailure;
    },
    async read(request, options) {
      if (!loggedIn) {
        loggedIn = true;
        store.counts.logins++;
      }
      store.counts.reads++;
      store.requests.push({ ...request, url: config.url });
      const id = JSON.stringify(request);
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      inFlight++;
      store.maximumInFlight.set(
        config.url,
        Math.max(store.maximumInFlight.get(config.url) ?? 0, inFlight),
      );
      try {
        await wait(store.latencyMs, store.ignoreSignal ? undefined : options.signal);
        await store.gate;
        const failure = store.fail?.(request, attempt);
        if (failure !== undefined) throw failure;
        if (store.answer !== undefined) return store.answer(request) as SecretData;
        return answer(store, request);
      } finally {
        inFlight--;
      }
    },
    async close() {
      store.counts.closes++;
      if (store.closeFailure !== undefined) throw store.closeFailure;
    },
  };
}

function answer(store: FakeStore, request: ReadRequest): SecretData {
  const id = request.version === undefined ? request.path : `${request.path}@${request.version}`;
  const values = store.secrets.get(id);
  if (values === undefined) {
    throw new SecretError({
      code: 'SECRET_NOT_FOUND',
      message: `the fake store has no secret at ${JSON.stringify(request.path)}`,
    });
  }
  return { values: { ...values }, version: String(request.version ?? 7) };
}

function wait(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, milliseconds);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new SecretError({ code: 'CANCELLED', message: 'the fake read was aborted' }));
    });
  });
}
