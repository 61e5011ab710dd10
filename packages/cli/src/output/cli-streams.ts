/** Where the command writes: `process.stdout` and `process.stderr`, or test doubles. */
export interface CliStream {
  write(text: string): unknown;
  /** True on a terminal; progress lines are drawn only there. */
  isTTY?: boolean;
}
