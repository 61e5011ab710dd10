import { classifyNetworkError, type NetworkFailure } from '@fromsecret/core';

/**
 * `classifyNetworkError`, plus the Azure HTTP client's way of reporting a connection cut while
 * an answer's body was being read: a `RestError` with code `PARSE_ERROR` and the message
 * "Error reading response as text: ...", which keeps no socket code of its own.
 */
export function classifyTransportFailure(error: unknown): NetworkFailure | undefined {
  const network = classifyNetworkError(error);
  if (network !== undefined) return network;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    code === 'PARSE_ERROR' &&
    typeof message === 'string' &&
    message.startsWith('Error reading response as text')
  ) {
    return { code: 'UNREACHABLE', systemCode: 'connection cut while reading the answer' };
  }
  return undefined;
}
