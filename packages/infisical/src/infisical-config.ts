import { type ConfigField, invalidConfigError, parseConfigFields } from '@fromsecret/core';

/** The provider type string integrations use. */
export const INFISICAL_TYPE = 'infisical';

/** Infisical Cloud (US region), used when `siteUrl` is not set. */
export const DEFAULT_SITE_URL = 'https://app.infisical.com';

/** Settings of an Infisical integration as written in its `config`, before validation. */
export interface InfisicalConfigInput {
  /**
   * The Infisical instance: Infisical Cloud or a self-hosted URL (a path prefix is kept).
   * @default 'https://app.infisical.com'
   */
  siteUrl?: string;
  /** The machine identity's Universal Auth client ID. */
  clientId: string;
  /** The machine identity's Universal Auth client secret. Write-only. */
  clientSecret: string;
  /** The ID of the Infisical project (workspace) that holds the secrets. */
  projectId: string;
  /** The environment's slug, for example `dev` or `prod`. */
  environment: string;
  /**
   * The folder the secrets are read from, starting with `/`.
   * @default '/'
   */
  secretPath?: string;
  /**
   * PEM certificates to trust in addition to Node's CAs, for an instance behind a private CA.
   * An addition to the design's settings; `NODE_EXTRA_CA_CERTS` works as well.
   */
  caCert?: string;
}

/** Validated settings with defaults applied, as `parseConfig` returns them. */
export interface InfisicalConfig {
  /** Without a trailing `/`. */
  siteUrl: string;
  clientId: string;
  clientSecret: string;
  projectId: string;
  environment: string;
  /** Starts with `/`; no trailing `/` except for the root. */
  secretPath: string;
  caCert?: string;
}

/** The settings, in display order. */
export const infisicalFields: readonly ConfigField[] = Object.freeze([
  {
    name: 'siteUrl',
    label: 'Site URL',
    description: 'the Infisical instance, for example https://app.infisical.com or your own host',
    required: false,
    secret: false,
    kind: 'url',
    default: DEFAULT_SITE_URL,
  },
  {
    name: 'clientId',
    label: 'Client ID',
    description: "the machine identity's Universal Auth client ID",
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'clientSecret',
    label: 'Client secret',
    description: "the machine identity's Universal Auth client secret",
    required: true,
    secret: true,
    kind: 'string',
  },
  {
    name: 'projectId',
    label: 'Project ID',
    description: 'the ID of the Infisical project that holds the secrets (Project Settings)',
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'environment',
    label: 'Environment slug',
    description: "the environment's slug, for example dev, staging or prod",
    required: true,
    secret: false,
    kind: 'string',
  },
  {
    name: 'secretPath',
    label: 'Secret path',
    description: 'the folder the secrets are read from, for example / or /backend',
    required: false,
    secret: false,
    kind: 'string',
    default: '/',
  },
  {
    name: 'caCert',
    label: 'CA certificate',
    description: 'PEM certificates of a private CA that signed the instance certificate',
    required: false,
    secret: false,
    kind: 'pem',
  },
]);

/**
 * Validates an Infisical integration's settings and applies defaults, without I/O. Every
 * problem is reported in one `INVALID_CONFIG` error; no value is ever quoted in it.
 */
export function parseInfisicalConfig(input: unknown): InfisicalConfig {
  const { values, issues } = parseConfigFields(infisicalFields, input);
  if (typeof values.siteUrl === 'string') issues.push(...checkSiteUrl(values.siteUrl));
  if (typeof values.environment === 'string') issues.push(...checkEnvironment(values.environment));
  if (typeof values.secretPath === 'string') issues.push(...checkSecretPath(values.secretPath));
  if (issues.length > 0) throw invalidConfigError(INFISICAL_TYPE, issues);
  const config: InfisicalConfig = {
    siteUrl: (values.siteUrl as string).replace(/\/+$/, ''),
    clientId: values.clientId as string,
    clientSecret: values.clientSecret as string,
    projectId: values.projectId as string,
    environment: values.environment as string,
    secretPath: normalizeSecretPath(values.secretPath as string),
  };
  if (typeof values.caCert === 'string') config.caCert = values.caCert;
  return config;
}

function checkSiteUrl(siteUrl: string): string[] {
  const url = new URL(siteUrl);
  const issues: string[] = [];
  if (url.username !== '' || url.password !== '') {
    issues.push('"siteUrl" must not hold a user name or password; use clientId and clientSecret');
  }
  if (url.search !== '' || url.hash !== '') {
    issues.push('"siteUrl" must not have a query or a fragment, for example https://host:port');
  }
  return issues;
}

const environmentSlug = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function checkEnvironment(environment: string): string[] {
  return environmentSlug.test(environment)
    ? []
    : [
        '"environment" must be an environment slug (letters, digits, - and _, for example prod), ' +
          "as shown in the project's environment settings, not its display name",
      ];
}

function checkSecretPath(secretPath: string): string[] {
  if (!secretPath.startsWith('/')) {
    return ['"secretPath" must start with "/", for example / or /backend'];
  }
  const segments = secretPath.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const badSegment = segments.some(
    (segment) => segment === '' || segment === '.' || segment === '..',
  );
  if (badSegment || /[\\?#%]/.test(secretPath) || hasControlCharacter(secretPath)) {
    return [
      '"secretPath" must be a folder path such as /backend/api: no empty, "." or ".." ' +
        'segments and no \\, ?, # or % characters',
    ];
  }
  return [];
}

function hasControlCharacter(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Infisical treats `/backend/` and `/backend` alike; keep one form for messages and cache keys. */
function normalizeSecretPath(secretPath: string): string {
  return secretPath.length > 1 ? secretPath.replace(/\/+$/, '') : secretPath;
}
