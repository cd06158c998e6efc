/**
 * The bot's configuration, parsed and validated once at start-up from an environment-like
 * record. The entry points hand `process.env` (merged with `.env`) to `loadConfig`; nothing
 * else reads the environment, so every part of the bot gets its settings as a parameter.
 */
import path from 'node:path';
import { Secret } from './secret.js';
import type { StoreLocation } from './store/types.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** The bot token; without it `npm start` runs the local console. Never logged. */
  readonly token: string | undefined;
  /** Deploy slash commands to this guild (instant) instead of globally. */
  readonly guildId: string | undefined;
  /** REST base URL (discord.js `rest.api`), for a REST proxy or a fake Discord in tests. */
  readonly apiUrl: string;
  /** The corpus dir: every `.txt`/`.md` file below it is an article. */
  readonly corpusDir: string;
  readonly logLevel: LogLevel;
  /** LOG_LEVEL was set: the interactive console then logs at it, not only warnings. */
  readonly logLevelSet: boolean;
  /** Roles whose members may run /reload, besides members with Manage Server. */
  readonly moderatorRoleIds: readonly string[];
  /** Seconds a user waits between two questions; 0 turns the cooldown off. */
  readonly askCooldownSeconds: number;
  /** Passages per page of an /ask answer. */
  readonly askResults: number;
  /** Where to keep a snapshot of the index, so that a restart skips indexing; off when undefined. */
  readonly indexCacheDir: string | undefined;
  /** Seconds to log in and reach the gateway before start-up gives up with a message. */
  readonly connectTimeoutSeconds: number;
  /** Gateway shards run in this one process: a number, or `auto` (what Discord recommends). */
  readonly shardCount: number | 'auto';
  /** Reload when files under the corpus dir change, after this many quiet seconds; off when undefined. */
  readonly corpusWatchSeconds: number | undefined;
  /** Where /corpus add writes articles: a folder inside the corpus dir. */
  readonly uploadDir: string;
  /** The largest article /corpus add accepts, in bytes. */
  readonly uploadMaxBytes: number;
  /** Seconds an attachment download may take before /corpus add gives up. */
  readonly uploadTimeoutSeconds: number;
  /** Attachments are fetched only from URLs under this base (Discord's CDN; the fake Discord in tests). */
  readonly cdnUrl: string;
  /** The feedback store (DATABASE_URL); undefined when it is off. */
  readonly store: StoreLocation | undefined;
  /** Keep the text of questions; false keeps only their outcomes. */
  readonly storeQuestions: boolean;
  /** Questions and votes older than this many days are deleted. */
  readonly storeRetentionDays: number;
  /** The embedding service for semantic search (EMBEDDINGS_*); undefined when EMBEDDINGS_URL is unset: lexical only. */
  readonly embeddings: EmbeddingsConfig | undefined;
  /** HTTP interactions (DISCORD_PUBLIC_KEY + INTERACTIONS_PORT) instead of the gateway; undefined: off. */
  readonly http: HttpInteractionsConfig | undefined;
  /** AUTO_ANSWER_*: forums and text channels where posts are answered unasked (needs Message Content; empty: off), and answers per channel and minute. */
  readonly autoAnswer: { readonly channelIds: readonly string[]; readonly perMinute: number };
}

/** The endpoint: the application's Ed25519 public key (64 lowercase hex), and where to listen. */
export type HttpInteractionsConfig = { readonly publicKey: string; readonly port: number; readonly host: string };

/** An OpenAI-compatible embedding service (Ollama, llama.cpp, TEI, vLLM, LocalAI, OpenAI). */
export interface EmbeddingsConfig {
  /** Base URL of the API without trailing slashes, e.g. `http://localhost:11434/v1`; `POST {url}/embeddings` is called. */
  readonly url: string;
  /** The model name sent with every request, e.g. `bge-m3`. */
  readonly model: string;
  /** Sent as `Authorization: Bearer …` when set. A Secret: never in a log, an error, or the config as text or JSON. */
  readonly apiKey: Secret | undefined;
  /** Milliseconds one request may take. */
  readonly timeoutMs: number;
  /** Texts per request. */
  readonly batch: number;
  /** Put before every question sent (e5 models want `query: `); empty by default. */
  readonly queryPrefix: string;
  /** Put before every passage sent (e5 models want `passage: `); empty by default. */
  readonly passagePrefix: string;
}

/** Discord's own API, what discord.js uses when no proxy is configured. */
export const DISCORD_API_URL = 'https://discord.com/api';
/** Where Discord serves attachments. */
export const DISCORD_CDN_URL = 'https://cdn.discordapp.com';
/** Where the bot keeps what it writes unless told otherwise (git-ignored): the feedback store, the passage vectors. */
export const DEFAULT_DATA_DIR = './data';
const DEFAULT_SQLITE_FILE = `${DEFAULT_DATA_DIR}/quelle.sqlite`;
/** DATABASE_URL's default: an SQLite file in ./data. */
export const DEFAULT_DATABASE_URL = `file:${DEFAULT_SQLITE_FILE}`;
export const MAX_RETENTION_DAYS = 3650;
/** The folder of uploads, relative to the corpus dir, unless CORPUS_UPLOAD_DIR says otherwise. */
export const DEFAULT_UPLOAD_SUBDIR = 'uploads';

export const defaultConfig = {
  token: undefined,
  guildId: undefined,
  apiUrl: DISCORD_API_URL,
  corpusDir: './seeds',
  logLevel: 'info',
  logLevelSet: false,
  moderatorRoleIds: [],
  askCooldownSeconds: 5,
  askResults: 3,
  indexCacheDir: undefined,
  connectTimeoutSeconds: 30,
  shardCount: 1,
  corpusWatchSeconds: undefined,
  uploadDir: `seeds/${DEFAULT_UPLOAD_SUBDIR}`,
  uploadMaxBytes: 1024 * 1024,
  uploadTimeoutSeconds: 20,
  cdnUrl: DISCORD_CDN_URL,
  store: { kind: 'sqlite', file: DEFAULT_SQLITE_FILE },
  storeQuestions: true,
  storeRetentionDays: 90,
  embeddings: undefined,
  http: undefined,
  autoAnswer: { channelIds: [], perMinute: 6 },
} as const satisfies Config;
/** INTERACTIONS_HOST's default: only a proxy on the same machine reaches the endpoint. */
export const DEFAULT_INTERACTIONS_HOST = '127.0.0.1';

/** EMBEDDINGS_TIMEOUT_MS and EMBEDDINGS_BATCH: defaults and limits. */
export const DEFAULT_EMBEDDINGS_TIMEOUT_MS = 10_000;
export const MIN_EMBEDDINGS_TIMEOUT_MS = 100;
export const MAX_EMBEDDINGS_TIMEOUT_MS = 120_000;
export const DEFAULT_EMBEDDINGS_BATCH = 64;
export const MAX_EMBEDDINGS_BATCH = 2048;

/** Limits of the numeric settings, named so that the README and the errors agree. */
export const MAX_ASK_COOLDOWN_SECONDS = 3600;
export const MAX_ASK_RESULTS = 5;
export const MAX_CONNECT_TIMEOUT_SECONDS = 600;
export const MAX_SHARD_COUNT = 128;
export const DEFAULT_WATCH_QUIET_SECONDS = 2;
export const MAX_WATCH_QUIET_SECONDS = 3600;
/** The loader reads files up to 10 MiB (corpus/decode.ts); an upload cannot be larger. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_TIMEOUT_SECONDS = 300;

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The environment variable at fault. */
  readonly variable: string;

  constructor(variable: string, message: string) {
    super(`Quelle: ${variable} ${message}`);
    this.variable = variable;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Parses and validates the configuration. Throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env): Config {
  const corpusDir = value(env, 'CORPUS_DIR') ?? defaultConfig.corpusDir;
  return {
    token: token(env),
    guildId: snowflake(env, 'DISCORD_GUILD_ID'),
    apiUrl: httpUrl(env, 'DISCORD_API_URL') ?? defaultConfig.apiUrl,
    corpusDir,
    logLevel: logLevel(env),
    logLevelSet: value(env, 'LOG_LEVEL') !== undefined,
    moderatorRoleIds: ids(env, 'MODERATOR_ROLE_IDS', 'role'),
    askCooldownSeconds: integer(env, 'ASK_COOLDOWN_SECONDS', 0, MAX_ASK_COOLDOWN_SECONDS) ?? defaultConfig.askCooldownSeconds,
    askResults: integer(env, 'ASK_RESULTS', 1, MAX_ASK_RESULTS) ?? defaultConfig.askResults,
    indexCacheDir: cacheDir(env),
    connectTimeoutSeconds: integer(env, 'DISCORD_CONNECT_TIMEOUT_SECONDS', 1, MAX_CONNECT_TIMEOUT_SECONDS) ?? defaultConfig.connectTimeoutSeconds,
    shardCount: shardCount(env),
    corpusWatchSeconds: corpusWatch(env),
    uploadDir: uploadDir(env, corpusDir),
    uploadMaxBytes: integer(env, 'CORPUS_UPLOAD_MAX_BYTES', 1, MAX_UPLOAD_BYTES) ?? defaultConfig.uploadMaxBytes,
    uploadTimeoutSeconds: integer(env, 'CORPUS_UPLOAD_TIMEOUT_SECONDS', 1, MAX_UPLOAD_TIMEOUT_SECONDS) ?? defaultConfig.uploadTimeoutSeconds,
    cdnUrl: httpUrl(env, 'DISCORD_CDN_URL') ?? defaultConfig.cdnUrl,
    store: store(env),
    storeQuestions: boolean(env, 'STORE_QUESTIONS') ?? defaultConfig.storeQuestions,
    storeRetentionDays: integer(env, 'STORE_RETENTION_DAYS', 1, MAX_RETENTION_DAYS) ?? defaultConfig.storeRetentionDays,
    embeddings: embeddings(env),
    http: httpInteractions(env),
    autoAnswer: { channelIds: ids(env, 'AUTO_ANSWER_CHANNEL_IDS', 'channel'), perMinute: integer(env, 'AUTO_ANSWER_PER_MINUTE', 1, 60) ?? defaultConfig.autoAnswer.perMinute },
  };
}

/** DISCORD_PUBLIC_KEY + INTERACTIONS_PORT (one without the other is a mistake), INTERACTIONS_HOST; each checked even when off. */
function httpInteractions(env: Env): HttpInteractionsConfig | undefined {
  const publicKey = value(env, 'DISCORD_PUBLIC_KEY');
  if (publicKey !== undefined && !/^[0-9a-f]{64}$/iu.test(publicKey)) throw new ConfigError('DISCORD_PUBLIC_KEY', `must be 64 hexadecimal characters (the application's public key, not the bot token), got ${shown(publicKey)}`);
  const port = integer(env, 'INTERACTIONS_PORT', 1, 65535);
  const host = value(env, 'INTERACTIONS_HOST') ?? DEFAULT_INTERACTIONS_HOST;
  if (/[\s/@]/u.test(host) || /^[^:]+:\d+$/u.test(host)) throw new ConfigError('INTERACTIONS_HOST', `must be a host name or IP address to listen on, without scheme or port, got ${shown(host)}`);
  if (publicKey === undefined && port === undefined) return undefined;
  if (port === undefined) throw new ConfigError('INTERACTIONS_PORT', 'must be set when DISCORD_PUBLIC_KEY is (the port the HTTP interactions endpoint listens on, 1 to 65535)');
  if (publicKey === undefined) throw new ConfigError('DISCORD_PUBLIC_KEY', "must be set when INTERACTIONS_PORT is (the application's public key: developer portal → General Information)");
  return { publicKey: publicKey.toLowerCase(), port, host };
}

/**
 * Where passage vectors are kept across restarts: INDEX_CACHE_DIR, beside the index snapshot,
 * or ./data, beside the feedback store.
 */
export function embeddingsCacheDir(config: Pick<Config, 'indexCacheDir'>): string {
  return config.indexCacheDir ?? DEFAULT_DATA_DIR;
}

/** What `quelle ask` and `quelle stats` read of the configuration for semantic search. */
export interface EmbeddingsSettings {
  readonly embeddings: EmbeddingsConfig | undefined;
  /** See embeddingsCacheDir. */
  readonly cacheDir: string;
}

/**
 * The EMBEDDINGS_* settings and INDEX_CACHE_DIR alone, validated as loadConfig does: the CLI
 * gives the same answers as the bot without needing the rest of the bot's configuration.
 */
export function loadEmbeddingsSettings(env: Env): EmbeddingsSettings {
  return { embeddings: embeddings(env), cacheDir: embeddingsCacheDir({ indexCacheDir: cacheDir(env) }) };
}

/**
 * EMBEDDINGS_*: every value is checked even while EMBEDDINGS_URL is unset (a typo stops the
 * start either way); the service is used only with a URL, and then needs a model.
 */
function embeddings(env: Env): EmbeddingsConfig | undefined {
  const url = embeddingsUrl(env);
  const model = value(env, 'EMBEDDINGS_MODEL');
  const apiKey = value(env, 'EMBEDDINGS_API_KEY');
  // Like the token, the key is never repeated into a message.
  if (apiKey !== undefined && /\s/u.test(apiKey)) throw new ConfigError('EMBEDDINGS_API_KEY', 'must not contain white space');
  const timeoutMs = integer(env, 'EMBEDDINGS_TIMEOUT_MS', MIN_EMBEDDINGS_TIMEOUT_MS, MAX_EMBEDDINGS_TIMEOUT_MS) ?? DEFAULT_EMBEDDINGS_TIMEOUT_MS;
  const batch = integer(env, 'EMBEDDINGS_BATCH', 1, MAX_EMBEDDINGS_BATCH) ?? DEFAULT_EMBEDDINGS_BATCH;
  const queryPrefix = prefix(env, 'EMBEDDINGS_QUERY_PREFIX');
  const passagePrefix = prefix(env, 'EMBEDDINGS_PASSAGE_PREFIX');
  if (url === undefined) return undefined;
  if (model === undefined) throw new ConfigError('EMBEDDINGS_MODEL', 'must be set when EMBEDDINGS_URL is (the model name, e.g. bge-m3)');
  return { url, model, apiKey: apiKey === undefined ? undefined : new Secret(apiKey), timeoutMs, batch, queryPrefix, passagePrefix };
}

/**
 * EMBEDDINGS_URL: an http(s) base URL, without credentials (the key goes in
 * EMBEDDINGS_API_KEY), query or fragment, since `/embeddings` is appended to it.
 */
function embeddingsUrl(env: Env): string | undefined {
  const raw = value(env, 'EMBEDDINGS_URL');
  if (raw === undefined) return undefined;
  // Credentials in the URL, or a key in its query, are not repeated into logs.
  const shownUrl = raw.replace(/\/\/[^/@]*@/u, '//***@').replace(/[?#].*$/su, '?…');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('EMBEDDINGS_URL', `must be an http(s) URL, got "${shownUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError('EMBEDDINGS_URL', `must be an http(s) URL, got "${shownUrl}"`);
  if (url.username !== '' || url.password !== '') throw new ConfigError('EMBEDDINGS_URL', `must not contain credentials (set EMBEDDINGS_API_KEY), got "${shownUrl}"`);
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) throw new ConfigError('EMBEDDINGS_URL', `must be a base URL without query or fragment, got "${shownUrl}"`);
  return raw.replace(/\/+$/u, '');
}

/**
 * A prefix is taken as written, not trimmed: `query: ` needs its space (quote it in .env:
 * `EMBEDDINGS_QUERY_PREFIX="query: "`). Only white space counts as unset.
 */
function prefix(env: Env, name: string): string {
  const raw = env[name] ?? '';
  if (raw.trim() === '') return '';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(raw)) throw new ConfigError(name, `must not contain control characters (line breaks, tabs), got ${JSON.stringify(raw)}`);
  return raw;
}

/** DATABASE_URL: `file:<path>` (SQLite), `postgres://…` / `postgresql://…`, or `off`. */
function store(env: Env): StoreLocation | undefined {
  const raw = value(env, 'DATABASE_URL') ?? DEFAULT_DATABASE_URL;
  if (raw.toLowerCase() === 'off') return undefined;
  if (raw.startsWith('file:') && raw.length > 'file:'.length) return { kind: 'sqlite', file: raw.slice('file:'.length) };
  if (/^postgres(?:ql)?:\/\//iu.test(raw)) return { kind: 'postgres', url: raw };
  // A password in the URL is not repeated into logs.
  const shownUrl = raw.replace(/\/\/([^:/@]*):[^@/]*@/u, '//$1:***@');
  throw new ConfigError('DATABASE_URL', `must be file:<path>, postgres://… or off, got "${shownUrl}"`);
}

function boolean(env: Env, name: string): boolean | undefined {
  const raw = value(env, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/**
 * CORPUS_UPLOAD_DIR: a folder strictly inside the corpus dir (relative paths are taken from
 * the working directory, like CORPUS_DIR). Outside it, uploads would never be indexed; the
 * corpus dir itself would make the operator's files deletable from Discord.
 */
function uploadDir(env: Env, corpusDir: string): string {
  const raw = value(env, 'CORPUS_UPLOAD_DIR');
  if (raw === undefined) return path.join(corpusDir, DEFAULT_UPLOAD_SUBDIR);
  const relative = path.relative(path.resolve(corpusDir), path.resolve(raw));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ConfigError('CORPUS_UPLOAD_DIR', `must be a folder inside CORPUS_DIR ("${corpusDir}"), got "${raw}"`);
  }
  if (relative.split(path.sep).some((part) => part.startsWith('.'))) throw new ConfigError('CORPUS_UPLOAD_DIR', `must not be a hidden folder (the loader skips those), got "${raw}"`);
  return raw;
}

/** CORPUS_WATCH: `true` (reload 2 s after the last change), a number of quiet seconds, or `false`. */
function corpusWatch(env: Env): number | undefined {
  const raw = value(env, 'CORPUS_WATCH')?.toLowerCase();
  if (raw === undefined || raw === 'false' || raw === '0') return undefined;
  if (raw === 'true') return DEFAULT_WATCH_QUIET_SECONDS;
  const n = /^\d+$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WATCH_QUIET_SECONDS) throw new ConfigError('CORPUS_WATCH', `must be true, false or seconds of quiet from 1 to ${MAX_WATCH_QUIET_SECONDS}, got "${raw}"`);
  return n;
}

function shardCount(env: Env): number | 'auto' {
  const raw = value(env, 'SHARD_COUNT');
  if (raw === undefined) return defaultConfig.shardCount;
  if (raw.toLowerCase() === 'auto') return 'auto';
  const n = /^\d+$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_SHARD_COUNT) throw new ConfigError('SHARD_COUNT', `must be "auto" or a whole number from 1 to ${MAX_SHARD_COUNT}, got "${raw}"`);
  return n;
}

/** Kernel pseudo file systems: a cache there cannot be written, and a recursive mkdir may hang. */
const PSEUDO_FS = /^\/(?:proc|sys|dev)(?:\/|$)/u;

function cacheDir(env: Env): string | undefined {
  const raw = value(env, 'INDEX_CACHE_DIR');
  if (raw !== undefined && PSEUDO_FS.test(path.resolve(raw))) throw new ConfigError('INDEX_CACHE_DIR', `must not be under /proc, /sys or /dev, got "${raw}"`);
  return raw;
}

/** A set, non-blank value, trimmed. */
function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function token(env: Env): string | undefined {
  const raw = value(env, 'DISCORD_TOKEN');
  // The value itself never goes into the message: an error message may end up in a log.
  if (raw !== undefined && /\s/u.test(raw)) throw new ConfigError('DISCORD_TOKEN', 'must not contain white space');
  return raw;
}

const SNOWFLAKE = /^\d{17,20}$/u;
/** A Discord bot token's shape (three dot-separated base64 parts): never echoed in an error. */
const TOKEN_LIKE = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/u;

/** A bad value as the error may show it: a pasted token is not repeated into logs. */
function shown(raw: string): string {
  return TOKEN_LIKE.test(raw) ? '(a value that looks like a bot token; not shown)' : `"${raw}"`;
}

function snowflake(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw !== undefined && !SNOWFLAKE.test(raw)) throw new ConfigError(name, `must be a Discord id (17 to 20 digits), got ${shown(raw)}`);
  return raw;
}

/** An http(s) base URL without trailing slashes. */
function httpUrl(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, `must be an http(s) URL, got "${raw}"`);
  // discord.js appends "/v10/…" itself; attachment URLs are compared by prefix.
  return raw.replace(/\/+$/u, '');
}

function logLevel(env: Env): LogLevel {
  const raw = value(env, 'LOG_LEVEL')?.toLowerCase();
  if (raw === undefined) return defaultConfig.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw as LogLevel;
}

function ids(env: Env, name: string, kind: 'role' | 'channel'): string[] {
  const list = [...new Set((value(env, name) ?? '').split(',').map((id) => id.trim()).filter((id) => id !== ''))];
  const bad = list.find((id) => !SNOWFLAKE.test(id));
  if (bad !== undefined) throw new ConfigError(name, `must be comma-separated Discord ${kind} ids, got ${shown(bad)}`);
  return list;
}

function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const n = /^\d+$/u.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}
