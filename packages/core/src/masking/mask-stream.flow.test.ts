import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createMaskStream } from './mask-stream';
import { MASK } from './masked-output';
import { PatternIndex } from './pattern-index';
import { utf8PatternIndex } from './utf8-pattern-index';

const patterns = ['CANARY-FLOW-7f3a', 'pässwörd-😀-flow'];

function maskStream() {
  return createMaskStream(utf8PatternIndex(patterns, new PatternIndex(patterns)));
}

function collect(stream: NodeJS.ReadableStream): Buffer[] {
  const output: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => output.push(chunk));
  return output;
}

describe('createMaskStream as a Node stream', () => {
  it('never shows bytes a producer writes into its Buffer after handing it over', async () => {
    const stream = maskStream();
    const output = collect(stream);
    const reused = Buffer.from('plain line of the build log\n');
    stream.write(reused);
    reused.write('CANARY-FLOW-7f3a\n'.padEnd(reused.length, '.'));
    // The same again with a value's beginning held back, to be completed by the next chunk.
    const held = Buffer.from('token CANARY-FL');
    stream.write(held);
    held.write('...............');
    stream.end('OW-7f3a end\n');
    await once(stream, 'end');
    expect(Buffer.concat(output).toString('utf8')).toBe(
      `plain line of the build log\ntoken ${MASK} end\n`,
    );
  });

  it('takes empty chunks, and writes nothing for input it holds back', async () => {
    const stream = maskStream();
    const output = collect(stream);
    for (const chunk of ['', 'a ', Buffer.alloc(0), 'CANARY-FL', '', 'OW-7f3a b'])
      stream.write(chunk);
    stream.end();
    await once(stream, 'end');
    expect(output.every((chunk) => chunk.length > 0)).toBe(true);
    expect(Buffer.concat(output).toString('utf8')).toBe(`a ${MASK} b`);
  });

  it('pushes back on a writer while nobody reads, and carries on once read', async () => {
    const stream = maskStream();
    const line = Buffer.from(`${'log text '.repeat(100)}\n`);
    let accepted = 0;
    while (stream.write(line)) accepted++;
    expect(accepted).toBeLessThan(100);
    const output = collect(stream);
    await once(stream, 'drain');
    stream.end();
    await once(stream, 'end');
    expect(Buffer.concat(output).equals(Buffer.concat(Array(accepted + 1).fill(line)))).toBe(true);
  });

  it('rejects a chunk that is not text or bytes, and a write after the end', async () => {
    const stream = maskStream();
    expect(() => stream.write(42 as unknown as string)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
    );
    collect(stream);
    stream.end('CANARY-FLOW-7f3a');
    const failed = once(stream, 'error');
    stream.write('more');
    const [error] = await failed;
    expect(error).toMatchObject({ code: 'ERR_STREAM_WRITE_AFTER_END' });
  });
});
