/** A store's SDK, as the packages it is made of. */
export type StoreSdk = 'node-vault' | '@azure/*' | '@infisical/*';

/** Whether a package belongs to a store's SDK. */
const SDK_PACKAGES: Readonly<Record<StoreSdk, (name: string) => boolean>> = {
  'node-vault': (name) => name === 'node-vault',
  '@azure/*': (name) => name.startsWith('@azure/') || name.startsWith('@azure-rest/'),
  '@infisical/*': (name) => name.startsWith('@infisical/'),
};

/** One check of what an import loaded. */
export interface ModuleCheck {
  package: string;
  ok: boolean;
  /** What was checked, and what was found. */
  detail: string;
}

/** Checks that importing `packageName` loaded none of the `forbidden` SDKs' packages. */
export function checkLoadedPackages(
  packageName: string,
  forbidden: readonly StoreSdk[],
  loaded: readonly string[],
): ModuleCheck {
  const found = forbidden.flatMap((sdk) =>
    loaded.filter(SDK_PACKAGES[sdk]).map((name) => `${name} (${sdk})`),
  );
  const list = forbidden.join(', ');
  return {
    package: packageName,
    ok: found.length === 0,
    detail:
      found.length === 0
        ? `loads none of ${list}`
        : `loads ${found.join(', ')}, though it must load none of ${list}`,
  };
}
