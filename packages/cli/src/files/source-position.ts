/** Where in an input file a problem is: the file, and the line and column when known. */
export interface SourcePosition {
  /** The file as the user named it on the command line. */
  file: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
}

/** `file:line:column` (or just `file` when the place in it is unknown), as editors jump to it. */
export function formatPosition(position: SourcePosition): string {
  if (position.line === undefined) return position.file;
  return `${position.file}:${position.line}:${position.column ?? 1}`;
}
