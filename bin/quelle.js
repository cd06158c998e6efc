#!/usr/bin/env node
// The `quelle` command: runs the built CLI (dist/cli.js), or says how to build it. Kept as
// plain JavaScript so that it works right after `npm ci`, before any build.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(fileURLToPath(cli))) {
  await import(cli.href);
} else {
  process.stderr.write('quelle: the CLI is not built yet; run `npm run build` in the project first\n');
  process.exitCode = 2;
}
