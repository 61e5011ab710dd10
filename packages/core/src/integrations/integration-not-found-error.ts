import { SecretError } from '../errors/secret-error';

const fix = 'Check from_secret.integration, or have an administrator create the integration.';

/**
 * The `INTEGRATION_NOT_FOUND` error an integration store throws for an id or name it does
 * not hold. It names what was asked and how to fix it, and never lists the integrations that
 * do exist: on a shared server they may belong to other teams.
 */
export function integrationNotFoundError(idOrName: number | string): SecretError {
  if (typeof idOrName === 'number') {
    const rule =
      Number.isSafeInteger(idOrName) && idOrName > 0 ? '' : ' (ids are positive whole numbers)';
    return new SecretError({
      code: 'INTEGRATION_NOT_FOUND',
      message: `No integration with id ${idOrName} exists${rule}. ${fix}`,
      integration: { id: idOrName },
    });
  }
  return new SecretError({
    code: 'INTEGRATION_NOT_FOUND',
    message: `No integration named ${JSON.stringify(String(idOrName))} exists (names are compared without regard to case). ${fix}`,
    integration: { name: String(idOrName) },
  });
}
