import { SecretError } from '../errors/secret-error';
import { closestMatch } from '../suggest/closest-match';

const longestKeyList = 20;

/**
 * `KEY_NOT_FOUND`: the secret at `path` was read but has no `key`. Key names are not secrets,
 * so the message suggests the nearest one, or lists the keys that exist.
 */
export function keyNotFoundError(
  path: string,
  key: string,
  keys: readonly string[],
  integration: string,
): SecretError {
  const suggestion = closestMatch(key, keys);
  const hint =
    suggestion !== undefined
      ? `did you mean ${JSON.stringify(suggestion)}?`
      : keys.length === 0
        ? 'it holds no keys at all.'
        : keys.length <= longestKeyList
          ? `its keys are ${keys.map((name) => JSON.stringify(name)).join(', ')}.`
          : `it holds ${keys.length} keys; check the key's spelling in the store.`;
  return new SecretError({
    code: 'KEY_NOT_FOUND',
    message: `The secret ${JSON.stringify(path)} of integration ${JSON.stringify(integration)} has no key ${JSON.stringify(key)}; ${hint} Fix from_secret.key, or add the key in the store.`,
  });
}
