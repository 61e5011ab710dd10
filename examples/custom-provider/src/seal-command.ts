import { text } from 'node:stream/consumers';
import { runSealCommand } from './run-seal-command';

// The executable behind `npx fromsecret-seal`; everything it does is in runSealCommand.
const args = process.argv.slice(2);
const wantsInput = args.length === 0 && !process.stdin.isTTY;
const input = wantsInput ? await text(process.stdin) : undefined;
const result = runSealCommand(args, input, process.env);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.status;
