import { isMapValue, unknownKeyProblems } from './check-keys';
import { type Allowlist, parseAllowlist } from './parse-allowlist';
import { parseProviderPackages } from './parse-provider-packages';
import { type PointerProblem, pointerProblem } from './pointer-problem';
import { type Environment, substituteEnvironment } from './substitute-environment';

/** One integration as the integrations file describes it (the design's `Integration`). */
export interface IntegrationEntry {
  id: number;
  name: string;
  type: string;
  config: Record<string, unknown>;
  allow: Allowlist;
  /** JSON pointer of this entry in the file, for positions in messages. */
  pointer: string;
}

/** The outcome of {@link parseIntegrationsFile}: the entries, and every problem found. */
export interface IntegrationsFileResult {
  integrations: IntegrationEntry[];
  /** The well-formed entries of the file's `providers` map: provider type to package name. */
  providers: Map<string, string>;
  problems: PointerProblem[];
}

/** Options of {@link parseIntegrationsFile}. */
export interface ParseIntegrationsOptions {
  /**
   * `ignore` reads every integration's `config` as empty, so that listing the providers a file
   * uses needs none of the environment variables its settings (credentials) name.
   * @default 'substitute'
   */
  settings?: 'substitute' | 'ignore';
}

const ROOT_KEYS = ['integrations', 'providers'] as const;
const ENTRY_KEYS = ['id', 'name', 'type', 'config', 'allow'] as const;
const REQUIRED_KEYS = ['id', 'name', 'type', 'config'] as const;
const NAME_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const TYPE_PATTERN = /^[a-z][a-z0-9_]*$/;
const CODE = 'INVALID_INTEGRATIONS_FILE';

/**
 * Checks a parsed integrations file (design §12) after replacing `${NAME}` with environment
 * variables: its shape, unknown keys, ids and names (unique; names ignoring case), the
 * allowlists and the `providers` map. Every problem is collected. The providers' own settings
 * are checked afterwards by their `parseConfig` (see `checkIntegrationConfigs`).
 */
export function parseIntegrationsFile(
  value: unknown,
  environment: Environment,
  options: ParseIntegrationsOptions = {},
): IntegrationsFileResult {
  const read = options.settings === 'ignore' ? withoutSettings(value) : value;
  const substituted = substituteEnvironment(read, environment);
  const problems = [...substituted.problems];
  const root = substituted.value;
  if (!isMapValue(root) || !Array.isArray(root.integrations)) {
    const message =
      'An integrations file is a map with "integrations", a list of integrations (id, name, type, config, allow), and optionally "providers", a map of provider type to package name.';
    problems.push(pointerProblem('', CODE, message));
    return { integrations: [], providers: new Map(), problems };
  }
  problems.push(...unknownKeyProblems(root, ROOT_KEYS, '', 'the integrations file', CODE));
  const providers = parseProviderPackages(root.providers, problems);
  const integrations: IntegrationEntry[] = [];
  for (const [index, item] of root.integrations.entries()) {
    const entry = parseEntry(item, `/integrations/${index}`, problems);
    if (entry !== undefined) integrations.push(entry);
  }
  problems.push(...duplicateProblems(integrations));
  return { integrations, providers, problems };
}

/** A copy of the parsed file with each integration's `config` map emptied. */
function withoutSettings(value: unknown): unknown {
  if (!isMapValue(value) || !Array.isArray(value.integrations)) return value;
  const integrations = value.integrations.map((item: unknown) =>
    isMapValue(item) && isMapValue(item.config) ? { ...item, config: {} } : item,
  );
  return { ...value, integrations };
}

function parseEntry(
  item: unknown,
  pointer: string,
  problems: PointerProblem[],
): IntegrationEntry | undefined {
  if (!isMapValue(item)) {
    const message = 'Each integration is a map of id, name, type, config and allow.';
    problems.push(pointerProblem(pointer, CODE, message));
    return undefined;
  }
  const before = problems.length;
  problems.push(...unknownKeyProblems(item, ENTRY_KEYS, pointer, 'an integration', CODE));
  for (const key of REQUIRED_KEYS) {
    if (item[key] !== undefined && item[key] !== null) continue;
    const message = `The integration has no "${key}"; add it (an integration has ${ENTRY_KEYS.join(', ')}).`;
    problems.push(pointerProblem(pointer, CODE, message));
  }
  for (const [key, message] of Object.entries(valueProblems(item))) {
    problems.push(pointerProblem(`${pointer}/${key}`, CODE, message));
  }
  const allow = parseAllowlist(item.allow, `${pointer}/allow`, problems);
  if (problems.length > before || allow === undefined) return undefined;
  const { id, name, type, config } = item as Pick<
    IntegrationEntry,
    'id' | 'name' | 'type' | 'config'
  >;
  return { id, name, type, config, allow, pointer };
}

/** The problem with each present value of an entry, by key. */
function valueProblems(item: Record<string, unknown>): Record<string, string> {
  const present = (key: string) => item[key] !== undefined && item[key] !== null;
  const { id, name, type, config } = item;
  const found: Record<string, string> = {};
  if (present('id') && !(Number.isSafeInteger(id) && (id as number) > 0)) {
    found.id = '"id" must be a positive whole number.';
  }
  if (present('name') && !(typeof name === 'string' && NAME_PATTERN.test(name))) {
    found.name =
      '"name" must be 1 to 64 letters, digits, ".", "_" or "-" (quote a name YAML would read as a number).';
  }
  if (present('type') && !(typeof type === 'string' && TYPE_PATTERN.test(type))) {
    found.type =
      '"type" must be a provider type such as vault, azure_key_vault or infisical; run fromsecret providers to list the installed ones.';
  }
  if (present('config') && !isMapValue(config)) {
    found.config =
      '"config" must be a map of the provider\'s settings; run fromsecret providers to list them.';
  }
  return found;
}

function duplicateProblems(integrations: readonly IntegrationEntry[]): PointerProblem[] {
  const problems: PointerProblem[] = [];
  const ids = new Map<number, IntegrationEntry>();
  const names = new Map<string, IntegrationEntry>();
  for (const entry of integrations) {
    const sameId = ids.get(entry.id);
    if (sameId === undefined) ids.set(entry.id, entry);
    else {
      const message = `The id ${entry.id} is already used by "${sameId.name}"; give each integration its own id.`;
      problems.push(pointerProblem(`${entry.pointer}/id`, CODE, message));
    }
    const sameName = names.get(entry.name.toLowerCase());
    if (sameName === undefined) names.set(entry.name.toLowerCase(), entry);
    else {
      const message = `The name "${entry.name}" is already used by integration ${sameName.id} (names are compared ignoring case); rename one of them.`;
      problems.push(pointerProblem(`${entry.pointer}/name`, CODE, message));
    }
  }
  return problems;
}
