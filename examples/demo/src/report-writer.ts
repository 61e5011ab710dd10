/** Where the demo writes: `process.stdout`, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** Writes the demo's report: numbered sections, plain lines and indented blocks. */
export interface ReportWriter {
  section(number: number, title: string): void;
  line(text?: string): void;
  /** Each line of `text` indented, for a file or a command's output. */
  block(text: string, spaces?: number): void;
  /** A command as typed at a prompt, then its stdout and stderr, indented. */
  command(commandLine: string, output: { stdout: string; stderr: string }): void;
}

/** Creates a {@link ReportWriter} that writes to `sink`. */
export function createReportWriter(sink: TextSink): ReportWriter {
  const block = (text: string, spaces = 4) => {
    const padding = ' '.repeat(spaces);
    const lines = text.replace(/\n$/, '').split('\n');
    sink.write(`${lines.map((line) => (line === '' ? '' : padding + line)).join('\n')}\n`);
  };
  return {
    section(number, title) {
      sink.write(`\n${number}. ${title}\n${'='.repeat(title.length + 3)}\n\n`);
    },
    line(text = '') {
      sink.write(`${text}\n`);
    },
    block,
    command(commandLine, output) {
      sink.write(`  $ ${commandLine}\n`);
      if (output.stdout !== '') block(output.stdout);
      if (output.stderr !== '') block(output.stderr);
    },
  };
}
