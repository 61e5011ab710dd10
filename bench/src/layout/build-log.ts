/** A deterministic pseudo-random source (mulberry32), so every run masks the same text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `count` distinct secret-like values, 16 to 48 characters long. */
export function secretValues(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const values = new Set<string>();
  while (values.size < count) {
    const length = 16 + Math.floor(random() * 33);
    let value = '';
    for (let index = 0; index < length; index++) {
      value += ALPHABET[Math.floor(random() * ALPHABET.length)];
    }
    values.add(value);
  }
  return [...values];
}

const TEMPLATES: ReadonlyArray<(random: () => number) => string> = [
  (random) =>
    `npm http fetch GET 200 https://registry.npmjs.org/pkg-${hex(random, 6)} ${Math.floor(random() * 900)}ms (cache miss)`,
  (random) =>
    `#${Math.floor(random() * 40)} [build ${Math.floor(random() * 9)}/9] RUN go build -o /out/app ./cmd/app`,
  (random) =>
    `  ✓ src/module-${hex(random, 4)}.test.ts (${Math.floor(random() * 60)} tests) ${Math.floor(random() * 3000)}ms`,
  (random) =>
    `Downloading layer sha256:${hex(random, 64)} [==========>     ] ${Math.floor(random() * 100)}%`,
  (random) =>
    `warning: unused variable \`value_${hex(random, 3)}\` --> src/lib.rs:${Math.floor(random() * 999)}:9`,
];

/**
 * About `bytes` characters of a CI build log, one line in 40 holding one of `values` (one of
 * those in four base64-encoded), so the masker has real work and a realistic text to skip.
 */
export function buildLog(bytes: number, values: readonly string[], seed = 11): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  let size = 0;
  for (let line = 0; size < bytes; line++) {
    const stamp = `2025-01-01T12:${pad(Math.floor(line / 600) % 60)}:${pad(line % 60)}.${line % 1000}Z `;
    let text = TEMPLATES[Math.floor(random() * TEMPLATES.length)]!(random);
    if (line % 40 === 39 && values.length > 0) {
      const value = values[Math.floor(random() * values.length)]!;
      const shown = line % 160 === 159 ? Buffer.from(value).toString('base64') : value;
      text = `export DEPLOY_TOKEN=${shown} # from the environment`;
    }
    lines.push(stamp + text);
    size += stamp.length + text.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

function hex(random: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += Math.floor(random() * 16).toString(16);
  return text;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
