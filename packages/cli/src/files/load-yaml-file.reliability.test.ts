import { describe, expect, it } from 'vitest';
import { isProblemsFound, type Problem } from '../problems-found';
import { type LoadedYaml, loadYamlFile } from './load-yaml-file';
import { MAX_INPUT_FILE_BYTES } from './read-input-file';

// Hostile YAML: every file here fits the 1 MiB input limit, so only the parser's own
// bounds stand between it and the CPU, the heap or the stack. Bounds are coarse (a shared
// 2-core machine): what matters is seconds, not minutes.
const BOUND_MS = 3_000;

type Outcome = { value: unknown } | { problems: readonly Problem[] };

function load(text: string, role = 'pipeline file'): { outcome: Outcome; elapsedMs: number } {
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_INPUT_FILE_BYTES);
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = { value: (loadYamlFile({ file: 'hostile.yml', text }, role) as LoadedYaml).value };
  } catch (error) {
    if (!isProblemsFound(error)) throw error;
    outcome = { problems: error.problems };
  }
  return { outcome, elapsedMs: performance.now() - started };
}

function messages(outcome: Outcome): string[] {
  return 'problems' in outcome ? outcome.problems.map((problem) => problem.error.message) : [];
}

/** Nine levels of nine aliases each: 9^9 (387 million) items once expanded. */
function billionLaughs(first: string): string {
  const lines = [`a: &a ${first}`];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return lines.join('\n');
}

describe('YAML alias bombs, in every file the CLI reads', () => {
  it.each([
    ['lists', '[lol, lol, lol, lol, lol, lol, lol, lol, lol]'],
    ['maps', '{a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}'],
    [
      'long strings',
      `[${Array(9)
        .fill(`"${'x'.repeat(1_000)}"`)
        .join(', ')}]`,
    ],
  ])('of %s: refused with a message naming the risk', (_kind, first) => {
    for (const role of ['pipeline file', 'integrations file', 'secrets file']) {
      const { outcome, elapsedMs } = load(billionLaughs(first), role);
      expect(messages(outcome)[0]).toMatch(/alias bomb/);
      expect(elapsedMs).toBeLessThan(BOUND_MS);
    }
  });

  it('as map keys (an expanded alias stringified into a key): refused', () => {
    const bomb = billionLaughs('[lol, lol, lol, lol, lol, lol, lol, lol, lol]');
    const keys = Array.from({ length: 50 }, (_, index) => `  ? *i\n  : v${index}`).join('\n');
    const { outcome, elapsedMs } = load(`${bomb}\nkeys:\n${keys}`);
    expect(messages(outcome)[0]).toMatch(/alias bomb/);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });

  it('stays within bounds for the 100 aliases it allows, even of a wide map', () => {
    const wide = Array.from({ length: 2_000 }, (_, index) => `k${index}: v`).join(', ');
    const steps = Array.from(
      { length: 99 },
      (_, index) => `  - name: s${index}\n    settings: *base`,
    );
    const { outcome, elapsedMs } = load(`base: &base {${wide}}\nsteps:\n${steps.join('\n')}`);
    expect('value' in outcome).toBe(true);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });
});

describe('huge YAML documents just under 1 MiB', () => {
  it.each([
    [
      '60,000 keys in one map',
      () => Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n'),
    ],
    [
      '50,000 anchors',
      () => Array.from({ length: 50_000 }, (_, i) => `k${i}: &a${i} v`).join('\n'),
    ],
    [
      '30,000 environment variables in one step',
      () =>
        `steps:\n  - name: s\n    environment:\n${Array.from({ length: 30_000 }, (_, i) => `      V${i}: x`).join('\n')}`,
    ],
    ['a 1,000,000-character string', () => `a: "${'x'.repeat(1_000_000)}"`],
    [
      '20,000 steps',
      () => `steps:\n${Array.from({ length: 20_000 }, (_, i) => `  - name: s${i}`).join('\n')}`,
    ],
  ])('%s: read in seconds', (_label, build) => {
    const { outcome, elapsedMs } = load(build());
    expect(messages(outcome)).toEqual([]);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });

  it('a duplicate key among 60,000 is still reported, at its line', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`);
    keys.push('k12345: again');
    const { outcome, elapsedMs } = load(keys.join('\n'));
    expect('problems' in outcome && outcome.problems).toEqual([
      expect.objectContaining({ position: { file: 'hostile.yml', line: 60_001, column: 1 } }),
    ]);
    expect(messages(outcome)[0]).toMatch(/unique/);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['a block sequence nested 100,000 deep', `a: ${'- '.repeat(100_000)}x`],
    ['a flow sequence nested 200,000 deep', `a: ${'['.repeat(200_000)}${']'.repeat(200_000)}`],
    ['a flow map nested 100,000 deep', `a: ${'{a: '.repeat(100_000)}x${'}'.repeat(100_000)}`],
    [
      'a block map nested 1,400 deep',
      `${Array.from({ length: 1_400 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x`,
    ],
  ])('%s: a clear error, no stack overflow', (_label, text) => {
    const { outcome, elapsedMs } = load(text);
    expect(messages(outcome).length).toBeGreaterThan(0);
    expect(elapsedMs).toBeLessThan(BOUND_MS);
  });

  it('keeps __proto__ and constructor keys as data and pollutes nothing', () => {
    const { outcome } = load(
      '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const value = (outcome as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 'yes' });
  });

  it('refuses a tag that would run code', () => {
    const { outcome } = load('a: !!js/function "function () { return 1 }"');
    expect(messages(outcome)[0]).toMatch(/Unresolved tag/);
  });
});
