import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds dist/ once before the suite: the CLI and console tests run the compiled program as
 * a child process, the way users run it.
 */
export default function setup(): void {
  const tsc = path.resolve('node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
