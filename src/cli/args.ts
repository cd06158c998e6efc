/** A command line the user got wrong: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Languages of the readable output; `--lang`, else the LANG environment variable. */
export type CliLang = 'de' | 'en';

export type CliCommand =
  | { readonly command: 'ask'; readonly json: boolean; readonly limit: number; readonly corpus: string | undefined; readonly question: string | undefined; readonly lang: CliLang | undefined }
  | { readonly command: 'source'; readonly corpus: string | undefined; readonly file: string; readonly lang: CliLang | undefined }
  | { readonly command: 'stats'; readonly json: boolean; readonly corpus: string | undefined }
  | { readonly command: 'report'; readonly json: boolean; readonly days: number }
  | { readonly command: 'help' };

export const USAGE = `Usage:
  quelle ask [--json] [--limit N] [--corpus DIR] [--lang de|en] [QUESTION]
      Answer QUESTION, or every line of standard input when QUESTION is omitted.
  quelle source [--corpus DIR] [--lang de|en] FILE
      Print an article: title, byline and numbered paragraphs.
  quelle stats [--json] [--corpus DIR]
      Articles, paragraphs, skipped files and build time.
  quelle report [--days N] [--json]
      What Discord users asked that got no answer, and the answers they voted down,
      from the store DATABASE_URL names (the bot's configuration, .env included).

Options:
  --json        one JSON object per question (ask) or for the stats
  --limit N     passages per question, 1 to 50 (default 3)
  --days N      the report's period in days, 1 to 3650 (default 30)
  --corpus DIR  the corpus dir (default: CORPUS_DIR, else ./seeds)
  --lang de|en  the language of the readable output (default: from LANG, else English)
  -h, --help    this help
`;

const DEFAULT_CLI_LIMIT = 3;
export const DEFAULT_REPORT_DAYS = 30;
const MAX_REPORT_DAYS = 3650;
const MAX_CLI_LIMIT = 50;

/** Parses argv (without node and script). Throws UsageError with an exact message. */
export function parseArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command !== 'ask' && command !== 'source' && command !== 'stats' && command !== 'report') {
    throw new UsageError(`unknown command "${command}"; use ask, source, stats or report`);
  }
  // Help wins wherever it stands (before "--"): `quelle ask --help` is a question about ask.
  const end = rest.indexOf('--');
  if ((end < 0 ? rest : rest.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')) return { command: 'help' };
  let json = false;
  let limit = DEFAULT_CLI_LIMIT;
  let corpus: string | undefined;
  let lang: CliLang | undefined;
  let days = DEFAULT_REPORT_DAYS;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--json' && command !== 'source') json = true;
    else if (arg === '--limit' && command === 'ask') limit = parseLimit(rest[++i]);
    else if (arg.startsWith('--limit=') && command === 'ask') limit = parseLimit(arg.slice('--limit='.length));
    else if (arg === '--days' && command === 'report') days = parseDays(rest[++i]);
    else if (arg.startsWith('--days=') && command === 'report') days = parseDays(arg.slice('--days='.length));
    else if (arg === '--lang' && command !== 'stats' && command !== 'report') lang = parseLang(rest[++i]);
    else if (arg.startsWith('--lang=') && command !== 'stats' && command !== 'report') lang = parseLang(arg.slice('--lang='.length));
    else if (arg === '--corpus' && command !== 'report') corpus = requireValue('--corpus', rest[++i]);
    else if (arg.startsWith('--corpus=') && command !== 'report') corpus = requireValue('--corpus', arg.slice('--corpus='.length));
    else if (arg.startsWith('-') && arg.length > 1) throw new UsageError(`unknown option "${arg}" for ${command}`);
    else positional.push(arg);
  }
  if (command === 'ask') {
    const question = positional.length > 0 ? positional.join(' ') : undefined;
    return { command, json, limit, corpus, question, lang };
  }
  if (command === 'source') {
    if (positional.length !== 1) throw new UsageError('source needs exactly one FILE');
    return { command, corpus, file: positional[0] as string, lang };
  }
  if (positional.length > 0) throw new UsageError(`${command} takes no arguments, got "${positional.join(' ')}"`);
  if (command === 'report') return { command, json, days };
  return { command, json, corpus };
}

function requireValue(flag: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
  return value;
}

function parseLimit(value: string | undefined): number {
  const text = requireValue('--limit', value);
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > MAX_CLI_LIMIT) {
    throw new UsageError(`--limit must be a whole number from 1 to ${MAX_CLI_LIMIT}, got "${text}"`);
  }
  return limit;
}

function parseDays(value: string | undefined): number {
  const text = requireValue('--days', value);
  const days = Number(text);
  if (!/^\d+$/.test(text) || days < 1 || days > MAX_REPORT_DAYS) throw new UsageError(`--days must be a whole number from 1 to ${MAX_REPORT_DAYS}, got "${text}"`);
  return days;
}

function parseLang(value: string | undefined): CliLang {
  const text = requireValue('--lang', value);
  if (text !== 'de' && text !== 'en') throw new UsageError(`--lang must be de or en, got "${text}"`);
  return text;
}

/** The language a LANG value asks for: German for de_*, English otherwise. */
export function langFromEnv(lang: string | undefined): CliLang {
  return lang?.toLowerCase().startsWith('de') === true ? 'de' : 'en';
}
