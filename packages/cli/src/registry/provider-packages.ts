import { BUILT_IN_PROVIDER_PACKAGES, isProviderType } from '@fromsecret/core';
import { CliError } from '../cli-error';
import type { CommandContext, OptionSpec } from '../command-spec';
import { escapePointerSegment, type PointerProblem } from '../files/pointer-problem';
import { isPackageName } from './package-name';

/** Provider type to the package that provides it: the registry's `packages` option. */
export type ProviderPackages = ReadonlyMap<string, string>;

/** `--provider-package <type>=<package>`, accepted by every command that loads providers. */
export const PROVIDER_PACKAGE_OPTION: OptionSpec = {
  type: 'string',
  multiple: true,
  valueName: '<type>=<package>',
  description:
    'load provider type <type> from <package> (for example acme_store=@acme/fromsecret-store); needed only when the package is not named fromsecret-provider-<type>',
};

/** What is wrong with one type-to-package entry, and which half of it is wrong. */
export interface ProviderPackageProblem {
  about: 'type' | 'package';
  message: string;
}

/**
 * The problem with mapping `type` to `name`, or `undefined` when the entry is fine: the type's
 * shape, a built-in type (the built-in package always wins, so the entry would do nothing) and
 * the package name's shape.
 */
export function providerPackageProblem(
  type: string,
  name: unknown,
): ProviderPackageProblem | undefined {
  if (!isProviderType(type)) {
    const message = `"${type}" is not a provider type (a lower-case letter, then lower-case letters, digits or _)`;
    return { about: 'type', message };
  }
  if (Object.hasOwn(BUILT_IN_PROVIDER_PACKAGES, type)) {
    const message = `"${type}" is built in (${BUILT_IN_PROVIDER_PACKAGES[type]}) and cannot be mapped to another package`;
    return { about: 'type', message };
  }
  if (!isPackageName(name)) {
    const message = `"${type}" must map to an npm package name such as @acme/fromsecret-store (lower case, no path)`;
    return { about: 'package', message };
  }
  return undefined;
}

/**
 * The `--provider-package` entries of a command line, checked. Every malformed entry and every
 * type given twice is reported in one usage error.
 */
export function providerPackageFlags(values: CommandContext['values']): ProviderPackages {
  const given = values['provider-package'];
  const entries = Array.isArray(given) ? given : [];
  const packages = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    if (separator === -1) {
      problems.push(`--provider-package ${JSON.stringify(entry)} is not <type>=<package>.`);
      continue;
    }
    const type = entry.slice(0, separator);
    const name = entry.slice(separator + 1);
    const problem = providerPackageProblem(type, name);
    if (problem !== undefined) problems.push(`--provider-package: ${problem.message}.`);
    else if (packages.has(type)) problems.push(`--provider-package maps "${type}" twice.`);
    else packages.set(type, name);
  }
  if (problems.length > 0) {
    throw new CliError(
      'USAGE',
      `${problems.join(' ')} Give --provider-package <type>=<package> once per type, for example --provider-package acme_store=@acme/fromsecret-store.`,
    );
  }
  return packages;
}

/** The outcome of {@link mergeProviderPackages}. */
export interface MergedProviderPackages {
  packages: ProviderPackages;
  /** A type the integrations file and `--provider-package` map to different packages. */
  problems: PointerProblem[];
}

/**
 * Joins the integrations file's `providers` map and the `--provider-package` entries. A type
 * both map to the same package is fine; to different packages is a problem at the file's
 * entry, since neither can silently win.
 */
export function mergeProviderPackages(
  fromFile: ProviderPackages,
  fromFlags: ProviderPackages,
): MergedProviderPackages {
  const packages = new Map(fromFile);
  const problems: PointerProblem[] = [];
  for (const [type, name] of fromFlags) {
    const inFile = fromFile.get(type);
    if (inFile !== undefined && inFile !== name) {
      problems.push({
        pointer: `/providers/${escapePointerSegment(type)}`,
        error: new CliError(
          'INVALID_INTEGRATIONS_FILE',
          `The integrations file maps provider type "${type}" to "${inFile}", but --provider-package maps it to "${name}"; remove one of them.`,
        ),
      });
    }
    packages.set(type, name);
  }
  return { packages, problems };
}
