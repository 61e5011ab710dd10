import { describe, expect, it } from 'vitest';
import { parseBenchOptions, SECTIONS, UsageError } from './bench-options';

describe('parseBenchOptions', () => {
  it('runs every section at the issue sizes and writes results.json by default', () => {
    const options = parseBenchOptions([]);
    expect(options.sections).toEqual(SECTIONS);
    expect(options.resultsFile).toBe('results.json');
    expect(options.resolution).toMatchObject({ steps: 50, references: 200, paths: 20 });
    expect(options.resolution.latenciesMs).toEqual([0, 20]);
    expect(options.load.resolutions).toBe(500);
    expect(options.planning.references).toEqual([100, 1_000, 10_000, 100_000]);
    expect(options.masking.values).toEqual([10, 100, 1_000]);
  });

  it('keeps --quick small and away from the published results', () => {
    const options = parseBenchOptions(['--quick']);
    expect(options.quick).toBe(true);
    expect(options.resultsFile).toBe('results.quick.json');
    expect(options.resolution.references).toBeLessThan(20);
    expect(options.load.resolutions).toBeLessThan(20);
  });

  it('runs only the sections --only names, and never overwrites results.json then', () => {
    for (const argv of [['--only', 'masking,planning'], ['--only=masking,planning']]) {
      const options = parseBenchOptions(argv);
      expect(options.sections).toEqual(['masking', 'planning']);
      expect(options.resultsFile).toBe('results.partial.json');
    }
  });

  it('refuses an unknown argument or section, naming it', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(UsageError);
    expect(() => parseBenchOptions(['--fast'])).toThrow('"--fast"');
    expect(() => parseBenchOptions(['--only', 'maskin'])).toThrow(/"maskin".*masking/);
    expect(() => parseBenchOptions(['--only'])).toThrow('--only needs a section');
  });
});
