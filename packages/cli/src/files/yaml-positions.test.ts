import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { parsePointer, positionOfPointer, type YamlSource } from './yaml-positions';

function source(text: string): YamlSource {
  const lineCounter = new LineCounter();
  return { file: 'pipeline.yml', document: parseDocument(text, { lineCounter }), lineCounter };
}

const text = [
  'steps:', //                                     1
  '  - name: deploy', //                           2
  '    environment:', //                           3
  '      API_KEY:', //                             4
  '        from_secret: { integration: 1, pat: x }', // 5
  '      "a/b~c": { from_secret: other }', //       6
  'services:', //                                  7
  '  db: &db', //                                  8
  '    settings: { password: { from_secret: pw } }', // 9
  '  copy: *db', //                                10
].join('\n');

describe('positionOfPointer', () => {
  it('finds values and keys by JSON pointer, 1-based', () => {
    const yaml = source(text);
    expect(positionOfPointer(yaml, '/steps/0/environment/API_KEY/from_secret')).toEqual({
      file: 'pipeline.yml',
      line: 5,
      column: 22,
    });
    expect(positionOfPointer(yaml, '/steps/0/environment/API_KEY/from_secret/pat', 'key')).toEqual({
      file: 'pipeline.yml',
      line: 5,
      column: 40,
    });
    expect(positionOfPointer(yaml, '/steps/0/environment/a~1b~0c/from_secret')).toMatchObject({
      line: 6,
      column: 31,
    });
  });

  it('follows aliases to the anchored node', () => {
    expect(
      positionOfPointer(source(text), '/services/copy/settings/password/from_secret'),
    ).toMatchObject({ line: 9, column: 42 });
  });

  it('stops at the deepest node that exists for a missing key', () => {
    expect(positionOfPointer(source(text), '/steps/0/environment/MISSING')).toMatchObject({
      line: 4,
      column: 7,
    });
    expect(positionOfPointer(source(text), '')).toMatchObject({ line: 1, column: 1 });
  });

  it('unescapes pointer segments', () => {
    expect(parsePointer('/a~1b/~0c/0')).toEqual(['a/b', '~c', '0']);
    expect(parsePointer('')).toEqual([]);
  });
});
