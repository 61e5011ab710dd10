import { describe, expect, it } from 'vitest';
import { policiesAllow, type VaultPolicyRules } from './vault-policy';

const policies = new Map<string, VaultPolicyRules>([
  ['ci', { 'secret/data/crow/*': ['read'], 'secret/data/+/shared': ['read', 'list'] }],
  ['deny-prod', { 'secret/data/crow/prod*': ['deny'] }],
]);
const allows = (names: string[], path: string, capability = 'read') =>
  policiesAllow(policies, names, path, capability);

describe('policiesAllow', () => {
  it('grants by exact prefix glob and by single-segment wildcard', () => {
    expect(allows(['ci'], 'secret/data/crow/app')).toBe(true);
    expect(allows(['ci'], 'secret/data/crow/deep/app')).toBe(true);
    expect(allows(['ci'], 'secret/data/team/shared')).toBe(true);
    expect(allows(['ci'], 'secret/data/team/other/shared')).toBe(false);
    expect(allows(['ci'], 'secret/data/other')).toBe(false);
  });

  it('needs the capability asked for', () => {
    expect(allows(['ci'], 'secret/data/crow/app', 'update')).toBe(false);
  });

  it('lets deny win over any grant, and root allow everything', () => {
    expect(allows(['ci', 'deny-prod'], 'secret/data/crow/production')).toBe(false);
    expect(allows(['ci', 'deny-prod'], 'secret/data/crow/staging')).toBe(true);
    expect(allows(['root'], 'sys/policy/anything', 'sudo')).toBe(true);
    expect(allows(['unknown'], 'secret/data/crow/app')).toBe(false);
  });
});
