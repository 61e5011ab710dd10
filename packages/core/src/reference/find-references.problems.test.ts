import { describe, expect, it } from 'vitest';
import { expectInvalidPipeline } from './__fixtures__/expect-invalid-pipeline';

describe('findReferences: problems', () => {
  it('rejects a pipeline that is not a map', () => {
    for (const pipeline of [null, undefined, 'steps', 3, [{ steps: [] }]]) {
      const failure = expectInvalidPipeline(pipeline);
      expect(failure.errors).toHaveLength(1);
      expect(failure.errors![0]!.message).toMatch(/the pipeline must be a map with steps/);
      expect(failure.errors![0]!.location).toBeUndefined();
    }
  });

  it('rejects steps or services of another type, naming the pointer', () => {
    const failure = expectInvalidPipeline({ steps: 'build', services: null });
    expect(failure.errors!.map((error) => error.message)).toEqual([
      'Cannot look for from_secret references at "/steps": steps must be a list of steps or a map of them by name, not text, or leave it out',
      'Cannot look for from_secret references at "/services": services must be a list of services or a map of them by name, not null, or leave it out',
    ]);
  });

  it('rejects a map holding from_secret and other keys, hinting at indentation', () => {
    const failure = expectInvalidPipeline({
      steps: [
        {
          environment: {
            A: { from_secret: 'x', image: 'alpine' },
            B: { from_secret: null, integration: 1, path: 'crow/app', key: 'k' },
          },
        },
      ],
    });
    const [other, indented] = failure.errors!;
    expect(other!.issues).toEqual([
      'a map holding from_secret must hold nothing else, but it also holds "image"; move them out',
    ]);
    expect(indented!.issues).toEqual([
      'this map holds "integration", "path", "key" next to from_secret; indent them under from_secret',
      'from_secret is empty (null); give a secret name or a map of integration, path and key',
    ]);
  });

  it('reports every problem of the pipeline at once, each with its location', () => {
    const failure = expectInvalidPipeline({
      steps: [
        {
          name: 'deploy',
          environment: {
            OK: { from_secret: 'fine' },
            API_KEY: {
              from_secret: { intergration: 1, path: 'crow/../../sys/policy', key: 'k' },
            },
          },
        },
      ],
      services: { db: { settings: { list: [{ from_secret: '' }] } } },
    });
    expect(failure.errors).toHaveLength(2);
    const [first, second] = failure.errors!;
    expect(first!.location).toEqual({
      pointer: '/steps/0/environment/API_KEY',
      group: 'steps',
      step: 'deploy',
      section: 'environment',
      name: 'API_KEY',
    });
    expect(first!.issues).toHaveLength(2);
    expect(first!.message).toMatch(
      /^Invalid from_secret reference at "\/steps\/0\/environment\/API_KEY" \(step "deploy", environment variable "API_KEY"\) \(2 problems\):/,
    );
    expect(second!.location).toEqual({
      pointer: '/services/db/settings/list/0',
      group: 'services',
      step: 'db',
      section: 'settings',
      name: 'list',
    });
    expect(second!.message).toMatch(/\(service "db", setting "list"\): from_secret is empty/);
    expect(failure.message).toMatch(/^The pipeline's from_secret references have 2 problems/);
    expect(failure.message).toContain(
      '"/steps/0/environment/API_KEY": unknown field "intergration"',
    );
    expect(failure.message).toContain('(and 1 more at the same place)');
    expect(failure.message).toContain('"/services/db/settings/list/0": from_secret is empty');
  });

  it('shows the first five problems in the summary and counts the rest', () => {
    const environment = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [`V${index}`, { from_secret: '' }]),
    );
    const failure = expectInvalidPipeline({ steps: [{ environment }] });
    expect(failure.errors).toHaveLength(8);
    expect(failure.message).toContain('"/steps/0/environment/V4"');
    expect(failure.message).not.toContain('"/steps/0/environment/V5"');
    expect(failure.message).toContain('... and 3 more');
  });

  it('flags a key that looks like from_secret instead of passing it over', () => {
    const failure = expectInvalidPipeline({ steps: [{ environment: { A: { fromSecret: 'x' } } }] });
    expect(failure.errors![0]!.issues).toEqual([
      'the key "fromSecret" looks like from_secret; write it exactly',
    ]);
    expect(failure.errors![0]!.location?.pointer).toBe('/steps/0/environment/A');
  });

  it('rejects a section that is itself a from_secret map', () => {
    const failure = expectInvalidPipeline({ steps: [{ environment: { from_secret: 'x' } }] });
    expect(failure.errors![0]!.message).toMatch(
      /at "\/steps\/0\/environment": environment is itself a from_secret map/,
    );
  });

  it('rejects Map and Set where references may stand, with the fix', () => {
    const failure = expectInvalidPipeline({
      steps: [
        new Map([['environment', {}]]),
        { environment: new Map() },
        { settings: { list: [new Set()] } },
      ],
      services: new Map(),
    });
    expect(failure.errors!.map((error) => error.issues![0])).toEqual([
      expect.stringMatching(/^this step is a Map; parse the pipeline into plain objects/),
      expect.stringMatching(/^this value is a Map; parse the pipeline/),
      expect.stringMatching(/^this value is a Set; parse the pipeline/),
      expect.stringMatching(/^services must be .* not a Map; parse the pipeline/),
    ]);
    expect(failure.errors![2]!.location?.pointer).toBe('/steps/2/settings/list/0');
  });
});
