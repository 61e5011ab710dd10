import { isMapValue } from '../files/check-keys';
import {
  escapePointerSegment,
  type PointerProblem,
  pointerProblem,
} from '../files/pointer-problem';
import { quoteEnvValue } from './quote-env-value';

/** The `--format env` text of a resolved pipeline, and what to tell the user about it. */
export interface EnvFormatResult {
  text: string;
  /** Variables a dotenv reader cannot read back exactly (a shell can), by step and name. */
  warnings: string[];
  /** Variables no env file can hold (a name a shell rejects, a NUL character). */
  problems: PointerProblem[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const GROUPS = [
  ['steps', 'step'],
  ['services', 'service'],
] as const;

/**
 * `NAME=value` lines for the `environment` of each step and service, under a `# step: <name>`
 * (or `# service: <name>`) header, values quoted by {@link quoteEnvValue}. Numbers and
 * booleans are written as text, null as empty, lists and maps as JSON. `settings` are not
 * environment variables and are left out.
 */
export function formatEnv(pipeline: unknown): EnvFormatResult {
  const result: EnvFormatResult = { text: '', warnings: [], problems: [] };
  const sections: string[] = [];
  for (const [group, label] of GROUPS) {
    const container = isMapValue(pipeline) ? pipeline[group] : undefined;
    for (const { key, step } of entriesOf(container)) {
      if (!isMapValue(step) || !isMapValue(step.environment)) continue;
      const name = typeof step.name === 'string' && step.name !== '' ? step.name : key;
      const pointer = `/${group}/${escapePointerSegment(key)}/environment`;
      const lines = environmentLines(step.environment, pointer, `${label} ${name}`, result);
      if (lines.length > 0) sections.push(`# ${label}: ${headerText(name)}\n${lines.join('')}`);
    }
  }
  result.text = sections.join('\n');
  return result;
}

function environmentLines(
  environment: Record<string, unknown>,
  pointer: string,
  owner: string,
  result: EnvFormatResult,
): string[] {
  const lines: string[] = [];
  for (const [name, raw] of Object.entries(environment)) {
    const value = asText(raw);
    const at = `${pointer}/${escapePointerSegment(name)}`;
    if (!VARIABLE_NAME.test(name)) {
      const message = `The environment variable ${JSON.stringify(name)} of ${owner} is not a name a shell accepts (letters, digits and _, not starting with a digit); use --format yaml or --format json.`;
      result.problems.push({
        ...pointerProblem(at, 'UNSUPPORTED_ENVIRONMENT_OUTPUT', message),
        target: 'key',
      });
      continue;
    }
    if (value.includes('\0')) {
      const message = `The value of ${name} (${owner}) holds a NUL character, which no environment variable can; use --format json.`;
      result.problems.push(pointerProblem(at, 'UNSUPPORTED_ENVIRONMENT_OUTPUT', message));
      continue;
    }
    const quoted = quoteEnvValue(value);
    if (!quoted.dotenvExact) {
      result.warnings.push(
        `The value of ${name} (${owner}) mixes a single quote with one of " $ \` \\ or holds a carriage return: a shell reads its line back exactly, a dotenv reader does not. Use --format json to hand it to a program.`,
      );
    }
    lines.push(`${name}=${quoted.text}\n`);
  }
  return lines;
}

function entriesOf(container: unknown): Array<{ key: string; step: unknown }> {
  if (Array.isArray(container))
    return container.map((step, index) => ({ key: String(index), step }));
  if (isMapValue(container)) return Object.entries(container).map(([key, step]) => ({ key, step }));
  return [];
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A step name for a `#` comment: quoted when it holds anything that could end the comment. */
function headerText(name: string): string {
  return /^[\x20-\x7e\u00a0-\uffff]*$/u.test(name) && !/[\u2028\u2029]/.test(name)
    ? name
    : JSON.stringify(name);
}
