import { createMasker, type LocatedReference, type ResolutionResult } from '@fromsecret/core';
import type { CommandContext } from '../command-spec';
import type { LoadedYaml } from '../files/load-yaml-file';
import { locateProblems } from '../files/locate-problems';
import { formatEnv } from '../output/format-env';
import { formatPipeline } from '../output/format-pipeline';
import { formatRecords, recordsToJson } from '../output/format-records';
import { maskPipeline } from '../output/mask-pipeline';

/** A successful resolution and what is needed to print it. */
export interface ResolutionToPrint {
  result: ResolutionResult;
  references: readonly LocatedReference[];
  pipeline: LoadedYaml;
  /** Warnings logged while resolving (already shown on stderr; kept for `--json`). */
  warnings: readonly string[];
}

/**
 * Prints a resolved pipeline in the chosen format (values masked unless `--reveal`), the
 * records on stderr (or in the `--json` object) and any warning. Fails (exit 1) when
 * `--format env` cannot hold a variable.
 */
export function printResolution(context: CommandContext, printing: ResolutionToPrint): number {
  const { values, output } = context;
  const { result, references } = printing;
  const reveal = values.reveal === true;
  output.protectSecrets(result.secrets);
  const warnings: string[] = [];
  const tooShort = createMasker(result.secrets).tooShort;
  if (tooShort > 0 && !reveal) warnings.push(shortValuesWarning(tooShort));
  const shown = reveal
    ? result.pipeline
    : maskPipeline(result.pipeline, references, (text) => output.scrub(text));
  if (output.json) {
    const all = [...printing.warnings, ...warnings];
    const records = recordsToJson(result.records);
    return output.succeed({ pipeline: shown, records, warnings: all }, '', { reveal });
  }
  const format = (values.format as 'yaml' | 'json' | 'env' | undefined) ?? 'yaml';
  let text = '';
  if (format === 'env') {
    const environment = formatEnv(shown);
    if (environment.problems.length > 0) {
      return output.fail(locateProblems(printing.pipeline.source, environment.problems));
    }
    warnings.push(...environment.warnings);
    text = environment.text;
  } else text = formatPipeline(shown, format);
  output.note(formatRecords(result.records));
  for (const warning of warnings) output.note(`warning: ${warning}\n`);
  return output.succeed({}, text, { reveal });
}

function shortValuesWarning(count: number): string {
  const [verb, place, pronoun] =
    count === 1 ? ['is', 'its reference stands', 'it'] : ['are', 'their references stand', 'they'];
  return `${count} of the values ${verb} shorter than 4 characters: masked where ${place}, but not elsewhere in the output, where ${pronoun} would mangle ordinary text.`;
}
