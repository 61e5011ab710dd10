import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteEnvValue } from './quote-env-value';

const directory = mkdtempSync(join(tmpdir(), 'fromsecret-env-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const awkward = [
  'plain',
  '',
  '  leading and trailing spaces  ',
  'line one\nline two\n',
  '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  "it's",
  'say "hi"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion the quoting must neutralise.
  '$HOME and ${HOME} and $(id) and `id`',
  'back\\slash \\n \\\\ end\\',
  "it's $HOME",
  'mixed \' " ` $ \\ all',
  '# not a comment',
  'a=b; rm -rf /tmp/nothing && echo pwned | cat > /dev/null',
  '!event !! history',
  'tab\there',
  'windows\r\nline',
  'émoji 😀 and ü',
  "'",
  "''",
  '"',
  '\\',
];

/** Values as a shell reads them back from `NAME=<quoted>` lines, by sourcing the file. */
function sourceInBash(values: readonly string[]): string[] {
  const file = join(directory, `values-${Math.random().toString(36).slice(2)}.env`);
  writeFileSync(
    file,
    values.map((value, index) => `V${index}=${quoteEnvValue(value).text}\n`).join(''),
  );
  const names = values.map((_, index) => `"$V${index}"`).join(' ');
  const script = `set -eu; . "$1"; printf '%s\\0' ${names}`;
  const output = execFileSync('bash', ['-c', script, 'bash', file], { encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

describe('quoteEnvValue', () => {
  it('gives a shell every awkward value back exactly when the file is sourced', () => {
    expect(sourceInBash(awkward)).toEqual(awkward);
  });

  it('gives a shell any text without NUL back exactly', () => {
    const values = fc.sample(
      fc.string({ unit: 'binary', maxLength: 40 }).filter((value) => !value.includes('\0')),
      { numRuns: 300, seed: 7 },
    );
    expect(sourceInBash(values)).toEqual(values);
  });

  it('gives a dotenv reader the value back exactly whenever it says so', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        fc.pre(!value.includes('\0'));
        const quoted = quoteEnvValue(value);
        if (quoted.dotenvExact)
          expect(parseEnv(`A=${quoted.text}\nB='after'\n`)).toEqual({ A: value, B: 'after' });
      }),
      { numRuns: 500, seed: 11 },
    );
    for (const value of awkward) {
      const quoted = quoteEnvValue(value);
      if (quoted.dotenvExact) expect(parseEnv(`A=${quoted.text}`).A).toBe(value);
    }
  });

  it('is exact for dotenv readers except for a quote mixed with shell characters, or a carriage return', () => {
    expect(quoteEnvValue('a\nb $x `y` "z" \\').dotenvExact).toBe(true);
    expect(quoteEnvValue("it's fine").dotenvExact).toBe(true);
    expect(quoteEnvValue("it's $HOME").dotenvExact).toBe(false);
    expect(quoteEnvValue('windows\r\n').dotenvExact).toBe(false);
  });

  it('uses single quotes, double quotes only for a quote without shell characters', () => {
    expect(quoteEnvValue('a $b').text).toBe("'a $b'");
    expect(quoteEnvValue("it's").text).toBe('"it\'s"');
    expect(quoteEnvValue("it's $b").text).toBe("'it'\\''s $b'");
  });
});
