import { createMasker, type Masker } from '@fromsecret/core';
import type { Problem } from '../problems-found';
import type { CliStream } from './cli-streams';
import { problemsToJson, renderProblems } from './render-problems';

/** The exit status of a command that succeeded. */
export const EXIT_OK = 0;
/** The exit status when the check, resolution or connection test failed. */
export const EXIT_FAILED = 1;
/** The exit status of a command called wrongly: unknown flag, missing argument, missing file. */
export const EXIT_USAGE = 2;

/** Values the output must hide, and which of them `--reveal` may show. */
class ProtectedValues {
  readonly #values = new Set<string>();
  #masker: Masker | undefined;

  add(values: Iterable<string>): void {
    for (const value of values) if (value !== '') this.#values.add(value);
    this.#masker = undefined;
  }

  mask(text: string): string {
    if (this.#values.size === 0) return text;
    this.#masker ??= createMasker([...this.#values]);
    return this.#masker.mask(text);
  }
}

/**
 * Everything a command prints goes through here, so that `--json` and human output stay
 * consistent and nothing the command must hide is printed: credentials are masked in every
 * text, secret values in every text except a result printed with `--reveal`.
 */
export class CommandOutput {
  readonly #stdout: CliStream;
  readonly #stderr: CliStream;
  /** Whether stdout carries one JSON object (`--json`) instead of human text. */
  readonly json: boolean;
  readonly #credentials = new ProtectedValues();
  readonly #secrets = new ProtectedValues();

  constructor(streams: { stdout: CliStream; stderr: CliStream }, json: boolean) {
    this.#stdout = streams.stdout;
    this.#stderr = streams.stderr;
    this.json = json;
  }

  /** Credentials (`secret: true` settings): never printed, not even with `--reveal`. */
  protectCredentials(values: Iterable<string>): void {
    this.#credentials.add(values);
  }

  /** Secret values: printed only in a result the user asked to reveal. */
  protectSecrets(values: Iterable<string>): void {
    this.#secrets.add(values);
  }

  /** The text with every credential and secret value (and their encoded forms) masked. */
  scrub(text: string): string {
    return this.#secrets.mask(this.#credentials.mask(text));
  }

  /**
   * Prints the command's result: `{ "ok": true, ...fields }` with `--json`, else `human`. With
   * `reveal`, secret values are left in (credentials are still masked).
   */
  succeed(
    fields: Record<string, unknown>,
    human: string,
    options: { reveal?: boolean } = {},
  ): number {
    const text = this.json ? `${JSON.stringify({ ok: true, ...fields }, null, 2)}\n` : human;
    const safe = options.reveal === true ? this.#credentials.mask(text) : this.scrub(text);
    if (safe !== '') this.#stdout.write(safe);
    return EXIT_OK;
  }

  /** A line for people on stderr (records, warnings); left out with `--json`. */
  note(text: string): void {
    if (!this.json) this.#stderr.write(this.scrub(text));
  }

  /** Prints every problem and returns the exit status: 2 for usage errors, else 1. */
  fail(problems: readonly Problem[]): number {
    if (this.json) {
      const body = { ok: false, errors: problemsToJson(problems) };
      this.#stdout.write(`${this.scrub(JSON.stringify(body, null, 2))}\n`);
    } else {
      this.#stderr.write(this.scrub(renderProblems(problems)));
    }
    const usage = problems.some((problem) => 'isUsage' in problem.error && problem.error.isUsage);
    return usage ? EXIT_USAGE : EXIT_FAILED;
  }
}
