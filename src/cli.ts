#!/usr/bin/env node
// `quelle ask | source | stats`: the answer engine for scripts, without Discord.
import { langFromEnv } from './cli/args.js';
import { runCli } from './cli/run.js';
import { loadConfig, loadEmbeddingsSettings } from './config.js';
import { withDotEnv } from './env.js';

const DEFAULT_CORPUS = './seeds';

// The CLI's only configuration is the corpus dir; CORPUS_DIR is read here, at the entry
// point, and passed down, like loadConfig(env) does for the bot.
const corpus = process.env.CORPUS_DIR?.trim() || DEFAULT_CORPUS;
const lang = langFromEnv(process.env.LANG);
// `quelle report` reads the bot's own configuration, on demand: the other commands need none of it.
const store = () => loadConfig(withDotEnv(process.env)).store;
// `ask` and `stats` search as the bot does: with its embedding service when EMBEDDINGS_URL is set.
const embeddings = () => loadEmbeddingsSettings(withDotEnv(process.env));
runCli(process.argv.slice(2), corpus, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, color: Boolean(process.stdout.isTTY), lang, store, embeddings })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`quelle: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
