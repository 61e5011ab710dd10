import { describe, expect, it } from 'vitest';
import { CliError } from '../cli-error';
import { mergeProviderPackages, providerPackageFlags } from './provider-packages';

function flags(...entries: string[]) {
  return providerPackageFlags({ 'provider-package': entries });
}

function usage(...entries: string[]): string {
  try {
    flags(...entries);
  } catch (error) {
    if (error instanceof CliError && error.code === 'USAGE') return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('providerPackageFlags', () => {
  it('maps each type to its package, scoped or not', () => {
    expect(
      Object.fromEntries(flags('acme_store=@acme/fromsecret-store', 'other=fromsecret-other')),
    ).toEqual({ acme_store: '@acme/fromsecret-store', other: 'fromsecret-other' });
    expect(providerPackageFlags({}).size).toBe(0);
  });

  it('reports every malformed entry in one usage error', () => {
    const message = usage(
      'acme_store',
      'Acme=@acme/x',
      'vault=@acme/vault',
      'local=./provider.js',
      'acme=@acme/a',
      'acme=@acme/b',
    );
    expect(message).toBe(
      [
        '--provider-package "acme_store" is not <type>=<package>.',
        '--provider-package: "Acme" is not a provider type (a lower-case letter, then lower-case letters, digits or _).',
        '--provider-package: "vault" is built in (@fromsecret/vault) and cannot be mapped to another package.',
        '--provider-package: "local" must map to an npm package name such as @acme/fromsecret-store (lower case, no path).',
        '--provider-package maps "acme" twice.',
        'Give --provider-package <type>=<package> once per type, for example --provider-package acme_store=@acme/fromsecret-store.',
      ].join(' '),
    );
  });
});

describe('mergeProviderPackages', () => {
  it("joins the file's map and the flags; the same package twice is no conflict", () => {
    const merged = mergeProviderPackages(
      new Map([
        ['a', '@acme/a'],
        ['b', '@acme/b'],
      ]),
      new Map([
        ['b', '@acme/b'],
        ['c', '@acme/c'],
      ]),
    );
    expect(Object.fromEntries(merged.packages)).toEqual({
      a: '@acme/a',
      b: '@acme/b',
      c: '@acme/c',
    });
    expect(merged.problems).toEqual([]);
  });

  it("reports a type mapped to two packages at the file's entry", () => {
    const merged = mergeProviderPackages(new Map([['a', '@acme/a']]), new Map([['a', '@other/a']]));
    expect(merged.problems.map((problem) => [problem.pointer, problem.error.message])).toEqual([
      [
        '/providers/a',
        'The integrations file maps provider type "a" to "@acme/a", but --provider-package maps it to "@other/a"; remove one of them.',
      ],
    ]);
  });
});
