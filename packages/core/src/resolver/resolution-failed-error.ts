import { SecretError } from '../errors/secret-error';
import { describeLocation } from './describe-location';

/**
 * The one `RESOLUTION_FAILED` error of a resolution: `errors` holds every failing reference
 * (each with its location, reference and integration), and the message lists them so that a
 * build log shows everything to fix at once.
 */
export function resolutionFailedError(
  stage: 'planning' | 'reading',
  errors: readonly SecretError[],
): SecretError {
  const lines = errors.map((error) => {
    const where = error.location === undefined ? '' : `${describeLocation(error.location)}: `;
    return `  - ${where}[${error.code}] ${error.message.replaceAll('\n', '\n    ')}`;
  });
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  const intro =
    stage === 'planning'
      ? `The pipeline's secrets cannot be resolved (${count}; nothing was read from any store):`
      : `Reading the pipeline's secrets failed (${count}; no secret was substituted):`;
  return new SecretError({
    code: 'RESOLUTION_FAILED',
    message: `${intro}\n${lines.join('\n')}`,
    retryable: errors.length > 0 && errors.every((error) => error.retryable),
    errors,
  });
}
