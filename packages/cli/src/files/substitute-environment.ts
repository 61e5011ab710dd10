import { CliError } from '../cli-error';
import { escapePointerSegment, type PointerProblem } from './pointer-problem';

/** The environment variables `${NAME}` is read from. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The outcome of {@link substituteEnvironment}. */
export interface SubstitutionResult {
  /** A copy of the input with every `${NAME}` replaced. The input is not changed. */
  value: unknown;
  /** Every unset variable and malformed `${`, each at its pointer. */
  problems: PointerProblem[];
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /\$\$\{|\$\{([^}]*)(\}?)/g;

/**
 * Replaces `${NAME}` in every string of a parsed file with the environment variable `NAME`, so
 * that credentials need not be written in the file. `$${` stands for a literal `${`; any other
 * `$` is literal. An unset variable is an error naming it (an empty one is used as it is).
 */
export function substituteEnvironment(
  value: unknown,
  environment: Environment,
): SubstitutionResult {
  const problems: PointerProblem[] = [];
  const walk = (node: unknown, pointer: string): unknown => {
    if (typeof node === 'string') return substituteText(node, pointer, environment, problems);
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${pointer}/${index}`));
    if (typeof node === 'object' && node !== null) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) {
        // defineProperty, so that a key named __proto__ stays data instead of a prototype.
        Object.defineProperty(copy, key, {
          value: walk(item, `${pointer}/${escapePointerSegment(key)}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return copy;
    }
    return node;
  };
  return { value: walk(value, ''), problems };
}

function substituteText(
  text: string,
  pointer: string,
  environment: Environment,
  problems: PointerProblem[],
): string {
  if (!text.includes('${')) return text;
  return text.replace(PLACEHOLDER, (match, name: string | undefined, closing: string) => {
    if (match === '$${') return '${';
    if (closing !== '}' || name === undefined || !VARIABLE_NAME.test(name)) {
      problems.push({ pointer, error: malformedPlaceholder() });
      return match;
    }
    const variable = environment[name];
    if (variable === undefined) {
      problems.push({ pointer, error: unsetVariable(name) });
      return match;
    }
    return variable;
  });
}

function unsetVariable(name: string): CliError {
  return new CliError(
    'ENVIRONMENT_VARIABLE_NOT_SET',
    `The environment variable ${name} is not set; export it before running fromsecret (export ${name}=...).`,
  );
}

function malformedPlaceholder(): CliError {
  return new CliError(
    'INVALID_INTEGRATIONS_FILE',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows the ${NAME} syntax itself.
    'A "${" must start an environment variable reference such as ${VAULT_SECRET_ID} (letters, digits and _, not starting with a digit, then "}"); write "$${" for a literal "${".',
  );
}
