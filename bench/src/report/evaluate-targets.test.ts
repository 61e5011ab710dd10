import { describe, expect, it } from 'vitest';
import type { ResolutionRow } from '../sections/resolution-bench';
import type { BenchResults } from './bench-results';
import { evaluateTargets } from './evaluate-targets';

const counts = { vault: {}, azure_key_vault: {}, infisical: {} };

function resolution(overrides: Partial<ResolutionRow>): ResolutionRow {
  return {
    strategy: 'fromsecret',
    latencyMs: 20,
    references: 200,
    paths: 20,
    requests: 23,
    logins: 3,
    minimumRequests: 23,
    wallMs: 45,
    wallMsRuns: [45],
    roundTrips: 2.25,
    requestsByStore: counts,
    ...overrides,
  };
}

function results(overrides: Partial<Omit<BenchResults, 'targets'>>): Omit<BenchResults, 'targets'> {
  return {
    mode: 'full',
    generatedAt: '2025-01-01T00:00:00.000Z',
    sections: [],
    machine: {
      cpuModel: 'test',
      cpus: 2,
      totalMemoryGb: 4,
      platform: 'linux',
      arch: 'x64',
      osRelease: '6',
      nodeVersion: 'v20',
      loadAverageAtStart: [0, 0, 0],
    },
    resolution: [],
    resolutionByStore: [],
    planning: [],
    masking: [],
    stream: [],
    warnings: [],
    ...overrides,
  };
}

describe('evaluateTargets', () => {
  it('meets the request and round-trip targets at the bars', () => {
    const checks = evaluateTargets(results({ resolution: [resolution({})] }));
    expect(checks.map((check) => check.met)).toEqual([true, true]);
    expect(checks.every((check) => check.missedBy === undefined)).toBe(true);
  });

  it('says by how much a target is missed', () => {
    const row = resolution({
      requests: 25,
      wallMs: 150,
      warm: { requests: 20, logins: 0, minimumRequests: 20, wallMs: 30 },
    });
    const checks = evaluateTargets(results({ resolution: [row] }));
    expect(checks.map(({ met, missedBy }) => ({ met, missedBy }))).toEqual([
      { met: false, missedBy: '+2 requests (+8.7%)' },
      { met: false, missedBy: '+100 ms' },
      { met: true, missedBy: undefined },
    ]);
  });

  it('checks planning at 10,000 references and masking at 100 values on the slowest log', () => {
    const checks = evaluateTargets(
      results({
        planning: [
          {
            references: 1_000,
            microsPerReference: 9,
            findMicrosPerReference: 1,
            substituteMicrosPerReference: 1,
            samples: 5,
          },
          {
            references: 10_000,
            microsPerReference: 7.5,
            findMicrosPerReference: 1,
            substituteMicrosPerReference: 1,
            samples: 5,
          },
        ],
        masking: [
          {
            values: 100,
            textBytes: 65_536,
            mbPerSecond: 900,
            baselineMbPerSecond: 100,
            ratio: 9,
            patternCount: 500,
            createMs: 1,
          },
          {
            values: 100,
            textBytes: 1_000_000,
            mbPerSecond: 250,
            baselineMbPerSecond: 2,
            ratio: 125,
            patternCount: 500,
            createMs: 1,
          },
        ],
      }),
    );
    expect(checks.map(({ met, missedBy }) => ({ met, missedBy }))).toEqual([
      { met: false, missedBy: '+2.50 µs (1.50× the bar)' },
      { met: false, missedBy: '1.0× short (1.11× too slow)' },
      { met: false, missedBy: '50.0 MB/s short (1.20× too slow)' },
    ]);
  });

  it('leaves out targets whose figures the run did not measure', () => {
    expect(evaluateTargets(results({}))).toEqual([]);
  });
});
