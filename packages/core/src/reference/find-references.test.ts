import { describe, expect, it } from 'vitest';
import { findReferences } from './find-references';

const designExample = {
  steps: [
    {
      name: 'deploy',
      image: 'alpine',
      environment: {
        INTERNAL_TOKEN: { from_secret: 'my_token' },
        API_KEY: {
          from_secret: {
            integration: 'vault-prod',
            path: 'crow/myapp',
            key: 'api_key',
            version: 3,
          },
        },
      },
    },
    {
      name: 'publish',
      image: 'registry.example.com/buildx',
      settings: {
        password: { from_secret: { integration: 1, path: 'crow/docker', key: 'password' } },
      },
    },
  ],
};

describe('findReferences: finding', () => {
  it('finds the references of design §1 with their locations, in document order', () => {
    expect(findReferences(designExample)).toEqual([
      {
        reference: { kind: 'internal', name: 'my_token' },
        location: {
          pointer: '/steps/0/environment/INTERNAL_TOKEN',
          group: 'steps',
          step: 'deploy',
          section: 'environment',
          name: 'INTERNAL_TOKEN',
        },
      },
      {
        reference: {
          kind: 'external',
          integration: 'vault-prod',
          path: 'crow/myapp',
          key: 'api_key',
          version: 3,
        },
        location: {
          pointer: '/steps/0/environment/API_KEY',
          group: 'steps',
          step: 'deploy',
          section: 'environment',
          name: 'API_KEY',
        },
      },
      {
        reference: { kind: 'external', integration: 1, path: 'crow/docker', key: 'password' },
        location: {
          pointer: '/steps/1/settings/password',
          group: 'steps',
          step: 'publish',
          section: 'settings',
          name: 'password',
        },
      },
    ]);
  });

  it('reads steps and services given as maps keyed by name', () => {
    const found = findReferences({
      steps: { build: { environment: { TOKEN: { from_secret: 'a' } } } },
      services: {
        database: { name: 'postgres', environment: { PASSWORD: { from_secret: 'b' } } },
      },
    });
    expect(found.map(({ location }) => [location.pointer, location.group, location.step])).toEqual([
      ['/steps/build/environment/TOKEN', 'steps', 'build'],
      ['/services/database/environment/PASSWORD', 'services', 'postgres'],
    ]);
  });

  it('names a step by its index when it has no usable name', () => {
    const found = findReferences({
      steps: [
        { environment: { A: { from_secret: 'a' } } },
        { name: '', environment: { B: { from_secret: 'b' } } },
        { name: 7, environment: { C: { from_secret: 'c' } } },
      ],
    });
    expect(found.map(({ location }) => location.step)).toEqual(['0', '1', '2']);
  });

  it('finds references at any depth of settings, in lists and nested maps', () => {
    const found = findReferences({
      steps: [
        {
          name: 'plugin',
          settings: {
            targets: [
              { host: 'a', auth: { token: { from_secret: 'first' } } },
              [{ from_secret: 'second' }],
            ],
            plain: { nested: { deeper: 'no reference here' } },
          },
        },
      ],
    });
    expect(found.map(({ location }) => [location.pointer, location.name])).toEqual([
      ['/steps/0/settings/targets/0/auth/token', 'targets'],
      ['/steps/0/settings/targets/1/0', 'targets'],
    ]);
  });

  it('escapes ~ and / in pointers (RFC 6901) but keeps names as written', () => {
    const found = findReferences({
      steps: { 'build/linux~amd64': { environment: { 'A/B~C': { from_secret: 'x' } } } },
    });
    expect(found[0]!.location).toEqual({
      pointer: '/steps/build~1linux~0amd64/environment/A~1B~0C',
      group: 'steps',
      step: 'build/linux~amd64',
      section: 'environment',
      name: 'A/B~C',
    });
  });

  it('looks only in environment and settings', () => {
    expect(
      findReferences({
        steps: [{ commands: [{ from_secret: 'x' }], when: { from_secret: 'y' } }],
        from_secret: 'z',
        variables: { A: { from_secret: 'w' } },
      }),
    ).toEqual([]);
  });

  it('accepts absent groups, steps that are not maps and sections that are plain values', () => {
    expect(findReferences({})).toEqual([]);
    expect(findReferences({ steps: [], services: {} })).toEqual([]);
    expect(findReferences({ steps: ['echo', null, 3, [{ from_secret: 'x' }]] })).toEqual([]);
    expect(findReferences({ steps: [{ environment: null, settings: 'x' }] })).toEqual([]);
    expect(
      findReferences({ steps: [{ settings: { when: new Date(0), bytes: new Uint8Array(2) } }] }),
    ).toEqual([]);
  });
});
