import { SecretError } from '../errors/secret-error';
import { isAccountName, isRepositoryName } from './allowlist-entry';
import { foldAsciiCase } from './fold-ascii-case';
import type { AccessContext, Integration } from './integration';

/**
 * Throws `NOT_ALLOWED` unless the integration's allowlists admit the pipeline: deny by
 * default, the pipeline's user, org or repo must be listed (ASCII case ignored, nothing else
 * folded), and a pull request from a fork needs `allow.forks: true` as well. The message
 * names the integration and the pipeline and says what to change; it never shows the
 * allowlists' other entries.
 */
export function checkAccess(integration: Integration, given: AccessContext): void {
  const { allow } = integration;
  const context = admissionFields(given);
  const admitted =
    (isAccountName(context.user) && includes(allow.users, context.user)) ||
    (isAccountName(context.org) && includes(allow.orgs, context.org)) ||
    (isRepositoryName(context.repo) && includes(allow.repos, context.repo));
  if (!admitted) {
    throw notAllowed(
      integration,
      `${label(integration)} may not be used by this pipeline (${describePipeline(context)}): its allowlists admit none of these. To allow it, an administrator adds the user to allow.users, the org to allow.orgs or the repository to allow.repos of integration ${JSON.stringify(integration.name)}.`,
    );
  }
  if (isFork(context.fromFork) && allow.forks !== true) {
    throw notAllowed(
      integration,
      `${label(integration)} gives no secrets to pull requests from forks (${describePipeline(context)}${describeForkFlag(context.fromFork)}): a fork can change the pipeline to print them. To allow it anyway, an administrator sets allow.forks: true on integration ${JSON.stringify(integration.name)}.`,
    );
  }
}

/**
 * Anything but `false` or absent counts as a fork: a host that passes the text "true" (an
 * environment variable as read) or "false" must get a denial, never a fork's secrets.
 */
function isFork(fromFork: unknown): boolean {
  return fromFork !== undefined && fromFork !== false;
}

function describeForkFlag(fromFork: unknown): string {
  return typeof fromFork === 'boolean'
    ? ''
    : `; its fromFork is ${typeof fromFork === 'string' ? JSON.stringify(fromFork.slice(0, 16)) : typeof fromFork}, not true or false, so it counts as a fork: the host must pass a boolean`;
}

function includes(entries: readonly string[], value: string): boolean {
  const folded = foldAsciiCase(value);
  return entries.some((entry) => typeof entry === 'string' && foldAsciiCase(entry) === folded);
}

function label(integration: Integration): string {
  return `Integration ${JSON.stringify(integration.name)} (id ${integration.id})`;
}

function describePipeline(context: AccessContext): string {
  const parts: string[] = [];
  if (context.user !== undefined) parts.push(`user ${JSON.stringify(context.user)}`);
  if (context.org !== undefined) parts.push(`org ${JSON.stringify(context.org)}`);
  if (context.repo !== undefined) {
    parts.push(
      isRepositoryName(context.repo)
        ? `repo ${JSON.stringify(context.repo)}`
        : `repo ${JSON.stringify(context.repo)}, which is not of the form owner/name and matches nothing`,
    );
  }
  return parts.length === 0 ? 'it has no user, org or repo to match' : parts.join(', ');
}

function notAllowed(integration: Integration, message: string): SecretError {
  return new SecretError({
    code: 'NOT_ALLOWED',
    message,
    integration: { id: integration.id, name: integration.name, type: integration.type },
  });
}

/**
 * The fields that can admit a pipeline, read as own properties only: a context built with
 * `Object.assign({}, payload)` from a payload holding `__proto__` must not inherit an `org`.
 * The fork flag is read as given, inherited or not: it can only deny.
 */
function admissionFields(context: AccessContext): AccessContext {
  const own = <Name extends 'user' | 'org' | 'repo'>(name: Name): AccessContext[Name] =>
    Object.hasOwn(context, name) ? context[name] : undefined;
  return {
    user: own('user'),
    org: own('org'),
    repo: own('repo'),
    event: context.event,
    fromFork: context.fromFork,
  };
}
