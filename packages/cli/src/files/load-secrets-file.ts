import { ProblemsFound } from '../problems-found';
import { isMapValue } from './check-keys';
import { loadYamlFile } from './load-yaml-file';
import { locateProblems } from './locate-problems';
import { escapePointerSegment, type PointerProblem, pointerProblem } from './pointer-problem';
import { readInputFile } from './read-input-file';

const CODE = 'INVALID_SECRETS_FILE';

/**
 * Reads a secrets file (`--secrets`): a YAML map of internal secret names to values, for
 * string references (`from_secret: my_token`). Values are taken as written, with no `${NAME}`
 * substitution: a secret may contain any text. Throws {@link ProblemsFound} for every value that
 * is not text (YAML reads `12345` as a number: quote it) and every name that is empty or padded.
 */
export async function loadSecretsFile(file: string, cwd: string): Promise<Record<string, string>> {
  const input = await readInputFile(file, cwd, 'secrets file');
  const { source, value } = loadYamlFile(input, 'secrets file');
  const problems: PointerProblem[] = [];
  if (!isMapValue(value)) {
    const message =
      'A secrets file is a map of secret names to values, for example my_token: "...".';
    throw new ProblemsFound(locateProblems(source, [pointerProblem('', CODE, message)]));
  }
  for (const [name, secret] of Object.entries(value)) {
    const pointer = `/${escapePointerSegment(name)}`;
    if (name.trim() === '' || name.trim() !== name) {
      const message = 'A secret name must be non-empty, without spaces around it.';
      problems.push({ ...pointerProblem(pointer, CODE, message), target: 'key' });
    }
    if (typeof secret !== 'string') {
      const message = `The secret ${JSON.stringify(name)} must be text; put its value in quotes.`;
      problems.push(pointerProblem(pointer, CODE, message));
    }
  }
  if (problems.length > 0) throw new ProblemsFound(locateProblems(source, problems));
  return value as Record<string, string>;
}
