import { describe, expect, it } from 'vitest';
import { SecretError } from '../errors/secret-error';
import { checkAccess } from './check-access';
import type { AccessContext, Integration, IntegrationAllowlist } from './integration';

function integration(allow: Partial<IntegrationAllowlist>): Integration {
  return {
    id: 7,
    name: 'vault-prod',
    type: 'vault',
    config: {},
    allow: { users: [], orgs: [], repos: [], ...allow },
  };
}

function denial(target: Integration, context: AccessContext): SecretError {
  try {
    checkAccess(target, context);
  } catch (error) {
    if (SecretError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('access was granted');
}

describe('checkAccess', () => {
  it('denies by default: empty allowlists admit nobody', () => {
    const error = denial(integration({}), { user: 'alice', org: 'acme', repo: 'acme/app' });
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.integration).toEqual({ id: 7, name: 'vault-prod', type: 'vault' });
  });

  it('admits by user, by org or by repo', () => {
    expect(() => checkAccess(integration({ users: ['alice'] }), { user: 'alice' })).not.toThrow();
    expect(() => checkAccess(integration({ orgs: ['acme'] }), { org: 'acme' })).not.toThrow();
    expect(() =>
      checkAccess(integration({ repos: ['acme/app'] }), { repo: 'acme/app' }),
    ).not.toThrow();
  });

  it('compares ASCII letters without regard to case', () => {
    expect(() => checkAccess(integration({ orgs: ['ACME'] }), { org: 'acme' })).not.toThrow();
    expect(() =>
      checkAccess(integration({ repos: ['Acme/App'] }), { repo: 'aCME/aPP' }),
    ).not.toThrow();
  });

  it('does not fold Unicode look-alikes onto ASCII names', () => {
    // U+212A KELVIN SIGN lower-cases to "k"; fullwidth letters NFKC-normalise to ASCII.
    expect(denial(integration({ orgs: ['kacme'] }), { org: '\u212Aacme' }).code).toBe(
      'NOT_ALLOWED',
    );
    expect(denial(integration({ users: ['bob'] }), { user: '\uFF42\uFF4F\uFF42' }).code).toBe(
      'NOT_ALLOWED',
    );
    // U+0130 (I with dot) lower-cases to "i̇" in JavaScript; "ſ" (long s) upper-cases to "S".
    expect(denial(integration({ users: ['sid'] }), { user: '\u017Fid' }).code).toBe('NOT_ALLOWED');
    expect(denial(integration({ users: ['ian'] }), { user: '\u0130an' }).code).toBe('NOT_ALLOWED');
  });

  it('matches exactly apart from case: no trimming, no prefixes, no hidden characters', () => {
    const allowed = integration({ users: ['alice'], repos: ['acme/app'] });
    for (const user of [' alice', 'alice ', 'alic', 'alice2', 'al\u200Bice', 'alice\u0000']) {
      expect(denial(allowed, { user }).code).toBe('NOT_ALLOWED');
    }
  });

  it('never matches a repo that is not exactly owner/name', () => {
    const allowed = integration({ repos: ['acme/app'] });
    for (const repo of ['acme/app/', '/acme/app', 'acme//app', 'acme/app/extra', 'acme/./app']) {
      expect(denial(allowed, { repo }).code).toBe('NOT_ALLOWED');
    }
    expect(denial(allowed, { repo: 'acme/app/' }).message).toContain('not of the form owner/name');
  });

  it('refuses a pull request from a fork unless allow.forks is true', () => {
    const strict = integration({ orgs: ['acme'] });
    const error = denial(strict, {
      org: 'acme',
      repo: 'acme/app',
      user: 'mallory',
      fromFork: true,
    });
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toContain('pull requests from forks');
    expect(error.message).toContain('allow.forks: true');
    expect(() =>
      checkAccess(integration({ orgs: ['acme'], forks: true }), { org: 'acme', fromFork: true }),
    ).not.toThrow();
  });

  it('a fork is still subject to the allowlists when forks are allowed', () => {
    const open = integration({ orgs: ['acme'], forks: true });
    expect(denial(open, { org: 'other', fromFork: true }).message).not.toContain('forks');
  });

  it('names the integration and the pipeline, says how to allow it, and hides other entries', () => {
    const target = integration({
      users: ['secret-admin-user'],
      orgs: ['hidden-org'],
      repos: ['hidden-org/hidden-repo'],
    });
    const error = denial(target, { user: 'bob', org: 'acme', repo: 'acme/app' });
    expect(error.message).toContain('"vault-prod" (id 7)');
    expect(error.message).toContain('user "bob", org "acme", repo "acme/app"');
    expect(error.message).toMatch(/allow\.users.*allow\.orgs.*allow\.repos/);
    for (const hidden of ['secret-admin-user', 'hidden-org', 'hidden-repo']) {
      expect(error.message).not.toContain(hidden);
    }
  });

  it('says so when the pipeline has nothing to match', () => {
    expect(denial(integration({ orgs: ['acme'] }), {}).message).toContain('no user, org or repo');
  });
});

describe('checkAccess reads the context own fields only', () => {
  it('ignores an org inherited through the prototype chain', () => {
    const target = integration({ orgs: ['acme'] });
    const inherited = Object.create({ org: 'acme' }) as AccessContext;
    inherited.user = 'mallory';
    expect(denial(target, inherited).code).toBe('NOT_ALLOWED');
    const payload = JSON.parse('{"user": "mallory", "__proto__": {"org": "acme"}}');
    expect(denial(target, Object.assign({}, payload)).code).toBe('NOT_ALLOWED');
  });

  it('still counts an inherited fork flag as a fork: it can only deny', () => {
    const target = integration({ orgs: ['acme'] });
    const context = Object.create({ fromFork: true }) as AccessContext;
    context.org = 'acme';
    expect(denial(target, context).message).toContain('forks');
  });
});
