import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { CliError } from '../cli-error';
import { type Problem, ProblemsFound } from '../problems-found';
import { findDuplicateKeys } from './find-duplicate-keys';
import type { InputFile } from './read-input-file';
import type { YamlSource } from './yaml-positions';

/**
 * How many alias expansions (weighted by the size of what they expand) a file may use. YAML
 * aliases let a few hundred bytes expand to gigabytes (the "billion laughs" attack); CI files
 * use a handful of aliases at most.
 */
export const MAX_ALIAS_COUNT = 100;

/** A YAML file's value and its parsed source, for positions. */
export interface LoadedYaml {
  source: YamlSource;
  /** The document as plain JSON-like data. */
  value: unknown;
}

/**
 * Parses one YAML document. Every syntax error and warning (a duplicate key, an unknown tag,
 * a second document) is reported at once with its `file:line:column`; an alias bomb or a
 * structure nested too deeply is reported instead of exhausting memory or the stack.
 */
export function loadYamlFile(input: InputFile, role: string): LoadedYaml {
  const lineCounter = new LineCounter();
  // Keys are checked for uniqueness by findDuplicateKeys: the library's check is quadratic.
  const document = parseDocument(input.text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    version: '1.2',
  });
  const source: YamlSource = { file: input.file, document, lineCounter };
  const found = [
    ...[...document.errors, ...document.warnings].map((error) => ({
      offset: error.pos[0],
      problem: syntaxProblem(source, error, role),
    })),
    ...findDuplicateKeys(document).map((offset) => ({
      offset,
      problem: duplicateKeyProblem(source, offset, role),
    })),
  ];
  if (found.length > 0) {
    found.sort((left, right) => left.offset - right.offset);
    throw new ProblemsFound(found.map(({ problem }) => problem));
  }
  return { source, value: toPlainValue(source, role) };
}

function duplicateKeyProblem(source: YamlSource, offset: number, role: string): Problem {
  const { line, col } = source.lineCounter.linePos(offset);
  return {
    error: new CliError('INVALID_YAML', `The ${role} is not valid YAML: Map keys must be unique`),
    position: { file: source.file, line, column: col },
  };
}

function syntaxProblem(source: YamlSource, error: YAMLError, role: string): Problem {
  const { line, col } = source.lineCounter.linePos(error.pos[0]);
  const message =
    error.code === 'RESOURCE_EXHAUSTION'
      ? `The ${role} is nested too deeply to read; flatten it.`
      : `The ${role} is not valid YAML: ${error.message}`;
  return {
    error: new CliError('INVALID_YAML', message),
    position: { file: source.file, line, column: col },
  };
}

function toPlainValue(source: YamlSource, role: string): unknown {
  try {
    return source.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /excessive alias count/i.test(error.message)) {
      throw new ProblemsFound([
        {
          error: new CliError(
            'INVALID_YAML',
            `The ${role} expands its aliases (*name) more than ${MAX_ALIAS_COUNT} times, which is how an alias bomb exhausts memory; write the repeated parts out or use fewer aliases.`,
          ),
          position: { file: source.file },
        },
      ]);
    }
    if (error instanceof RangeError) {
      throw new ProblemsFound([
        {
          error: new CliError(
            'INVALID_YAML',
            `The ${role} is nested too deeply to read; flatten it.`,
          ),
          position: { file: source.file },
        },
      ]);
    }
    throw error;
  }
}
