import type { EmulatorFault } from '../emulator/emulator-types';

/** A fault a store can show, what the resolution must end with, and how many attempts. */
export interface FaultCase {
  name: string;
  fault: EmulatorFault;
  /** How many consecutive requests get the fault (enough to outlast the retries). */
  times: number;
  code: 'PROVIDER_ERROR' | 'RATE_LIMITED' | 'UNREACHABLE' | 'TIMEOUT';
  /** Requests of the faulted operation the resolution makes: 1, or 3 when it retries. */
  attempts: number;
}

// Bodies that are not the store's own: what a load balancer or proxy in front answers.
const gatewayBody = { message: 'upstream connect error or disconnect/reset before headers' };

const retryAfterZero = { 'retry-after': '0' };

const status500: FaultCase = {
  name: '500',
  fault: { kind: 'status', status: 500, body: gatewayBody },
  times: 1,
  code: 'PROVIDER_ERROR',
  attempts: 1,
};

/** Answers that are not what the store's API says, whatever the status. */
const BROKEN_ANSWERS: readonly FaultCase[] = [
  {
    name: 'malformed JSON',
    fault: { kind: 'malformed-json' },
    times: 1,
    code: 'PROVIDER_ERROR',
    attempts: 1,
  },
  {
    name: 'a truncated body',
    fault: { kind: 'truncated-body' },
    times: 1,
    code: 'UNREACHABLE',
    attempts: 1,
  },
  {
    name: 'a wrong content type (an HTML page)',
    fault: { kind: 'wrong-content-type' },
    times: 1,
    code: 'PROVIDER_ERROR',
    attempts: 1,
  },
  {
    name: 'a connection reset before the answer',
    fault: { kind: 'destroy-socket' },
    times: 1,
    code: 'UNREACHABLE',
    attempts: 1,
  },
];

/**
 * Faults of a secret read. The retried statuses come without `Retry-After`, so that the
 * resolver's own backoff runs; one 429 has `Retry-After: 0` to show it is honoured.
 */

/** A 429 that lets the caller retry at once: retried twice, then reported. */
const rateLimitedRetryAfterZero: FaultCase = {
  name: '429 with Retry-After: 0',
  fault: {
    kind: 'status',
    status: 429,
    body: { message: 'Too Many Requests' },
    headers: retryAfterZero,
  },
  times: 3,
  code: 'RATE_LIMITED',
  attempts: 3,
};
export const READ_FAULT_CASES: readonly FaultCase[] = [
  status500,
  ...[502, 503].map(
    (status): FaultCase => ({
      name: `${status} (retried twice)`,
      fault: { kind: 'status', status, body: gatewayBody },
      times: 3,
      code: 'PROVIDER_ERROR',
      attempts: 3,
    }),
  ),
  {
    name: '429 without Retry-After (retried twice with backoff)',
    fault: { kind: 'status', status: 429, body: { message: 'Too Many Requests' } },
    times: 3,
    code: 'RATE_LIMITED',
    attempts: 3,
  },
  { ...rateLimitedRetryAfterZero, name: '429 with Retry-After: 0 (retried twice at once)' },
  ...BROKEN_ANSWERS,
];

/** Faults of a login (Vault AppRole, Entra ID token, Infisical Universal Auth). */
export const LOGIN_FAULT_CASES: readonly FaultCase[] = [
  status500,
  {
    name: '503 with Retry-After: 0 (retried twice)',
    fault: { kind: 'status', status: 503, body: gatewayBody, headers: retryAfterZero },
    times: 3,
    code: 'PROVIDER_ERROR',
    attempts: 3,
  },
  { ...rateLimitedRetryAfterZero, name: '429 with Retry-After: 0 (retried twice)' },
  ...BROKEN_ANSWERS,
];
