import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';

function error(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

/** loadConfig(env) refuses with exactly `message`, naming `variable`. */
function rejectsNaming(env: Record<string, string>, variable: string, message: string): void {
  const err = error(env);
  expect(err.variable).toBe(variable);
  expect(err.message).toBe(message);
}

describe('loadConfig', () => {
  it('has defaults for everything, and no token means the console', () => {
    expect(loadConfig({})).toEqual(defaultConfig);
    expect(loadConfig({}).token).toBeUndefined();
  });

  it('reads every variable, trimmed; blank counts as unset', () => {
    const config = loadConfig({
      DISCORD_TOKEN: ' abc.def.ghi ',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      CORPUS_DIR: '/srv/corpus',
      LOG_LEVEL: 'DEBUG',
      MODERATOR_ROLE_IDS: '111111111111111111, 222222222222222222,111111111111111111',
      ASK_COOLDOWN_SECONDS: '0',
      ASK_RESULTS: '5',
      INDEX_CACHE_DIR: '/var/cache/quelle',
      DISCORD_CONNECT_TIMEOUT_SECONDS: ' 45 ',
      SHARD_COUNT: '2',
      CORPUS_WATCH: '3',
      CORPUS_UPLOAD_DIR: '/srv/corpus/von-discord',
      CORPUS_UPLOAD_MAX_BYTES: '2097152',
      CORPUS_UPLOAD_TIMEOUT_SECONDS: '30',
      DISCORD_CDN_URL: 'http://127.0.0.1:8080/',
      DATABASE_URL: 'postgres://quelle:secret@db.internal:5432/quelle',
      STORE_QUESTIONS: 'false',
      STORE_RETENTION_DAYS: '30',
      AUTO_ANSWER_CHANNEL_IDS: '333333333333333333, 444444444444444444,333333333333333333',
      AUTO_ANSWER_PER_MINUTE: '10',
    });
    expect(config).toEqual({
      token: 'abc.def.ghi',
      guildId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:8080/api',
      corpusDir: '/srv/corpus',
      logLevel: 'debug',
      logLevelSet: true,
      moderatorRoleIds: ['111111111111111111', '222222222222222222'],
      askCooldownSeconds: 0,
      askResults: 5,
      indexCacheDir: '/var/cache/quelle',
      connectTimeoutSeconds: 45,
      shardCount: 2,
      corpusWatchSeconds: 3,
      uploadDir: '/srv/corpus/von-discord',
      uploadMaxBytes: 2097152,
      uploadTimeoutSeconds: 30,
      cdnUrl: 'http://127.0.0.1:8080',
      store: { kind: 'postgres', url: 'postgres://quelle:secret@db.internal:5432/quelle' },
      storeQuestions: false,
      storeRetentionDays: 30,
      autoAnswer: { channelIds: ['333333333333333333', '444444444444444444'], perMinute: 10 },
    });
    expect(loadConfig({}).store).toEqual({ kind: 'sqlite', file: './data/quelle.sqlite' });
    expect(loadConfig({ DATABASE_URL: 'file:/var/lib/quelle/q.sqlite' }).store).toEqual({ kind: 'sqlite', file: '/var/lib/quelle/q.sqlite' });
    expect(loadConfig({ DATABASE_URL: 'OFF' }).store).toBeUndefined();
    // The upload folder follows the corpus dir unless set.
    expect(loadConfig({ CORPUS_DIR: '/srv/corpus' }).uploadDir).toBe('/srv/corpus/uploads');
    expect(loadConfig({ CORPUS_WATCH: 'true' }).corpusWatchSeconds).toBe(2);
    expect(loadConfig({ CORPUS_WATCH: 'false' }).corpusWatchSeconds).toBeUndefined();
    expect(loadConfig({ SHARD_COUNT: 'Auto' }).shardCount).toBe('auto');
    expect(loadConfig({ DISCORD_TOKEN: '   ', CORPUS_DIR: '' })).toEqual(defaultConfig);
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'Quelle: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ DISCORD_GUILD_ID: 'my-guild' }, 'DISCORD_GUILD_ID', 'Quelle: DISCORD_GUILD_ID must be a Discord id (17 to 20 digits), got "my-guild"'],
    [{ DISCORD_API_URL: 'discord.com/api' }, 'DISCORD_API_URL', 'Quelle: DISCORD_API_URL must be an http(s) URL, got "discord.com/api"'],
    [{ DISCORD_API_URL: 'ftp://example.org' }, 'DISCORD_API_URL', 'Quelle: DISCORD_API_URL must be an http(s) URL, got "ftp://example.org"'],
    [{ MODERATOR_ROLE_IDS: '123456789012345678,mods' }, 'MODERATOR_ROLE_IDS', 'Quelle: MODERATOR_ROLE_IDS must be comma-separated Discord role ids, got "mods"'],
    [{ ASK_COOLDOWN_SECONDS: '-1' }, 'ASK_COOLDOWN_SECONDS', 'Quelle: ASK_COOLDOWN_SECONDS must be a whole number from 0 to 3600, got "-1"'],
    [{ ASK_COOLDOWN_SECONDS: '2.5' }, 'ASK_COOLDOWN_SECONDS', 'Quelle: ASK_COOLDOWN_SECONDS must be a whole number from 0 to 3600, got "2.5"'],
    [{ ASK_RESULTS: '0' }, 'ASK_RESULTS', 'Quelle: ASK_RESULTS must be a whole number from 1 to 5, got "0"'],
    [{ ASK_RESULTS: 'three' }, 'ASK_RESULTS', 'Quelle: ASK_RESULTS must be a whole number from 1 to 5, got "three"'],
    [{ INDEX_CACHE_DIR: '/proc/self/cache' }, 'INDEX_CACHE_DIR', 'Quelle: INDEX_CACHE_DIR must not be under /proc, /sys or /dev, got "/proc/self/cache"'],
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT', 'Quelle: SHARD_COUNT must be "auto" or a whole number from 1 to 128, got "0"'],
    [{ CORPUS_WATCH: 'maybe' }, 'CORPUS_WATCH', 'Quelle: CORPUS_WATCH must be true, false or seconds of quiet from 1 to 3600, got "maybe"'],
    [{ CORPUS_DIR: '/srv/corpus', CORPUS_UPLOAD_DIR: '/srv/elsewhere' }, 'CORPUS_UPLOAD_DIR', 'Quelle: CORPUS_UPLOAD_DIR must be a folder inside CORPUS_DIR ("/srv/corpus"), got "/srv/elsewhere"'],
    [{ CORPUS_DIR: '/srv/corpus', CORPUS_UPLOAD_DIR: '/srv/corpus' }, 'CORPUS_UPLOAD_DIR', 'Quelle: CORPUS_UPLOAD_DIR must be a folder inside CORPUS_DIR ("/srv/corpus"), got "/srv/corpus"'],
    [{ CORPUS_DIR: '/srv/corpus', CORPUS_UPLOAD_DIR: '/srv/corpus/.uploads' }, 'CORPUS_UPLOAD_DIR', 'Quelle: CORPUS_UPLOAD_DIR must not be a hidden folder (the loader skips those), got "/srv/corpus/.uploads"'],
    [{ CORPUS_UPLOAD_MAX_BYTES: '0' }, 'CORPUS_UPLOAD_MAX_BYTES', 'Quelle: CORPUS_UPLOAD_MAX_BYTES must be a whole number from 1 to 10485760, got "0"'],
    [{ CORPUS_UPLOAD_TIMEOUT_SECONDS: '1h' }, 'CORPUS_UPLOAD_TIMEOUT_SECONDS', 'Quelle: CORPUS_UPLOAD_TIMEOUT_SECONDS must be a whole number from 1 to 300, got "1h"'],
    [{ DISCORD_CDN_URL: 'cdn.discordapp.com' }, 'DISCORD_CDN_URL', 'Quelle: DISCORD_CDN_URL must be an http(s) URL, got "cdn.discordapp.com"'],
    [{ DATABASE_URL: 'mysql://root:hunter2@db/quelle' }, 'DATABASE_URL', 'Quelle: DATABASE_URL must be file:<path>, postgres://… or off, got "mysql://root:***@db/quelle"'],
    [{ AUTO_ANSWER_CHANNEL_IDS: '333333333333333333,#help' }, 'AUTO_ANSWER_CHANNEL_IDS', 'Quelle: AUTO_ANSWER_CHANNEL_IDS must be comma-separated Discord channel ids, got "#help"'],
    [{ AUTO_ANSWER_PER_MINUTE: '0' }, 'AUTO_ANSWER_PER_MINUTE', 'Quelle: AUTO_ANSWER_PER_MINUTE must be a whole number from 1 to 60, got "0"'],
    [{ STORE_QUESTIONS: 'yes' }, 'STORE_QUESTIONS', 'Quelle: STORE_QUESTIONS must be true or false, got "yes"'],
    [{ STORE_RETENTION_DAYS: '0' }, 'STORE_RETENTION_DAYS', 'Quelle: STORE_RETENTION_DAYS must be a whole number from 1 to 3650, got "0"'],
    [{ INDEX_CACHE_DIR: '/sys' }, 'INDEX_CACHE_DIR', 'Quelle: INDEX_CACHE_DIR must not be under /proc, /sys or /dev, got "/sys"'],
  ])('rejects %j, naming the variable', rejectsNaming);

  it('turns on HTTP interactions only with both DISCORD_PUBLIC_KEY and INTERACTIONS_PORT', () => {
    const key = 'AB'.repeat(32);
    expect(loadConfig({}).http).toBeUndefined();
    expect(loadConfig({ INTERACTIONS_HOST: '0.0.0.0' }).http).toBeUndefined();
    expect(loadConfig({ DISCORD_PUBLIC_KEY: ` ${key} `, INTERACTIONS_PORT: '8080' }).http).toEqual({ publicKey: 'ab'.repeat(32), port: 8080, host: '127.0.0.1' });
    expect(loadConfig({ DISCORD_PUBLIC_KEY: key, INTERACTIONS_PORT: '65535', INTERACTIONS_HOST: '::' }).http).toEqual({ publicKey: 'ab'.repeat(32), port: 65535, host: '::' });
    expect(loadConfig({ DISCORD_PUBLIC_KEY: key, INTERACTIONS_PORT: '1', INTERACTIONS_HOST: 'localhost' }).http?.host).toBe('localhost');
  });

  it.each([
    [{ DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }, 'INTERACTIONS_PORT', 'Quelle: INTERACTIONS_PORT must be set when DISCORD_PUBLIC_KEY is (the port the HTTP interactions endpoint listens on, 1 to 65535)'],
    [{ INTERACTIONS_PORT: '8080' }, 'DISCORD_PUBLIC_KEY', "Quelle: DISCORD_PUBLIC_KEY must be set when INTERACTIONS_PORT is (the application's public key: developer portal → General Information)"],
    [{ DISCORD_PUBLIC_KEY: 'ab'.repeat(31), INTERACTIONS_PORT: '8080' }, 'DISCORD_PUBLIC_KEY', `Quelle: DISCORD_PUBLIC_KEY must be 64 hexadecimal characters (the application's public key, not the bot token), got "${'ab'.repeat(31)}"`],
    [{ DISCORD_PUBLIC_KEY: 'xy'.repeat(32) }, 'DISCORD_PUBLIC_KEY', `Quelle: DISCORD_PUBLIC_KEY must be 64 hexadecimal characters (the application's public key, not the bot token), got "${'xy'.repeat(32)}"`],
    [{ DISCORD_PUBLIC_KEY: 'MTA5ODc2NTQzMjEwOTg3NjU0.GabcDe.abcdefghijklmnopqrstuvwxyz012345' }, 'DISCORD_PUBLIC_KEY', "Quelle: DISCORD_PUBLIC_KEY must be 64 hexadecimal characters (the application's public key, not the bot token), got (a value that looks like a bot token; not shown)"],
    [{ DISCORD_PUBLIC_KEY: 'ab'.repeat(32), INTERACTIONS_PORT: '0' }, 'INTERACTIONS_PORT', 'Quelle: INTERACTIONS_PORT must be a whole number from 1 to 65535, got "0"'],
    [{ DISCORD_PUBLIC_KEY: 'ab'.repeat(32), INTERACTIONS_PORT: '65536' }, 'INTERACTIONS_PORT', 'Quelle: INTERACTIONS_PORT must be a whole number from 1 to 65535, got "65536"'],
    [{ INTERACTIONS_PORT: 'http' }, 'INTERACTIONS_PORT', 'Quelle: INTERACTIONS_PORT must be a whole number from 1 to 65535, got "http"'],
    [{ INTERACTIONS_HOST: 'http://example.org' }, 'INTERACTIONS_HOST', 'Quelle: INTERACTIONS_HOST must be a host name or IP address to listen on, without scheme or port, got "http://example.org"'],
    [{ INTERACTIONS_HOST: '127.0.0.1:8080' }, 'INTERACTIONS_HOST', 'Quelle: INTERACTIONS_HOST must be a host name or IP address to listen on, without scheme or port, got "127.0.0.1:8080"'],
  ])('rejects HTTP settings %j, naming the variable', rejectsNaming);

  it('never echoes a value that looks like a token pasted into another variable', () => {
    const token = 'MTA5ODc2NTQzMjEwOTg3NjU0.GabcDe.abcdefghijklmnopqrstuvwxyz012345';
    for (const name of ['DISCORD_GUILD_ID', 'MODERATOR_ROLE_IDS']) {
      const err = error({ [name]: token });
      expect(err.variable).toBe(name);
      expect(err.message).not.toContain('GabcDe');
      expect(err.message).toContain('(a value that looks like a bot token; not shown)');
    }
  });

  it('never puts the token into an error message', () => {
    const err = error({ DISCORD_TOKEN: 'secret part two' });
    expect(err.message).toBe('Quelle: DISCORD_TOKEN must not contain white space');
    expect(err.message).not.toContain('secret');
  });

  it('reads the embedding service; prefixes as written, the key as a Secret', () => {
    const config = loadConfig({
      EMBEDDINGS_URL: ' http://localhost:11434/v1/ ',
      EMBEDDINGS_MODEL: ' bge-m3 ',
      EMBEDDINGS_API_KEY: ' sk-embed-secret ',
      EMBEDDINGS_TIMEOUT_MS: '2500',
      EMBEDDINGS_BATCH: '2048',
      EMBEDDINGS_QUERY_PREFIX: 'query: ',
      EMBEDDINGS_PASSAGE_PREFIX: 'passage: ',
    });
    expect(config.embeddings).toEqual({ url: 'http://localhost:11434/v1', model: 'bge-m3', apiKey: expect.anything(), timeoutMs: 2500, batch: 2048, queryPrefix: 'query: ', passagePrefix: 'passage: ' });
    expect(config.embeddings?.apiKey?.reveal()).toBe('sk-embed-secret');
    expect(loadConfig({ EMBEDDINGS_URL: 'https://api.openai.com/v1', EMBEDDINGS_MODEL: 'text-embedding-3-small' }).embeddings).toEqual({
      url: 'https://api.openai.com/v1',
      model: 'text-embedding-3-small',
      apiKey: undefined,
      timeoutMs: 10000,
      batch: 64,
      queryPrefix: '',
      passagePrefix: '',
    });
  });

  it('leaves the embedding service off without EMBEDDINGS_URL, but still checks the other values', () => {
    expect(loadConfig({ EMBEDDINGS_URL: '', EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_API_KEY: 'k' }).embeddings).toBeUndefined();
    expect(loadConfig({ EMBEDDINGS_QUERY_PREFIX: '   ' })).toEqual(defaultConfig);
    expect(error({ EMBEDDINGS_BATCH: '0' }).variable).toBe('EMBEDDINGS_BATCH');
  });

  it.each([
    [{ EMBEDDINGS_URL: 'http://localhost:11434/v1' }, 'EMBEDDINGS_MODEL', 'Quelle: EMBEDDINGS_MODEL must be set when EMBEDDINGS_URL is (the model name, e.g. bge-m3)'],
    [{ EMBEDDINGS_URL: 'localhost:11434/v1', EMBEDDINGS_MODEL: 'm' }, 'EMBEDDINGS_URL', 'Quelle: EMBEDDINGS_URL must be an http(s) URL, got "localhost:11434/v1"'],
    [{ EMBEDDINGS_URL: 'http//localhost', EMBEDDINGS_MODEL: 'm' }, 'EMBEDDINGS_URL', 'Quelle: EMBEDDINGS_URL must be an http(s) URL, got "http//localhost"'],
    [{ EMBEDDINGS_URL: 'https://me:hunter2@embed.example/v1', EMBEDDINGS_MODEL: 'm' }, 'EMBEDDINGS_URL', 'Quelle: EMBEDDINGS_URL must not contain credentials (set EMBEDDINGS_API_KEY), got "https://***@embed.example/v1"'],
    [{ EMBEDDINGS_URL: 'https://embed.example/v1?key=1', EMBEDDINGS_MODEL: 'm' }, 'EMBEDDINGS_URL', 'Quelle: EMBEDDINGS_URL must be a base URL without query or fragment, got "https://embed.example/v1?…"'],
    [{ EMBEDDINGS_TIMEOUT_MS: '99' }, 'EMBEDDINGS_TIMEOUT_MS', 'Quelle: EMBEDDINGS_TIMEOUT_MS must be a whole number from 100 to 120000, got "99"'],
    [{ EMBEDDINGS_TIMEOUT_MS: '120001' }, 'EMBEDDINGS_TIMEOUT_MS', 'Quelle: EMBEDDINGS_TIMEOUT_MS must be a whole number from 100 to 120000, got "120001"'],
    [{ EMBEDDINGS_BATCH: '0' }, 'EMBEDDINGS_BATCH', 'Quelle: EMBEDDINGS_BATCH must be a whole number from 1 to 2048, got "0"'],
    [{ EMBEDDINGS_BATCH: '2049' }, 'EMBEDDINGS_BATCH', 'Quelle: EMBEDDINGS_BATCH must be a whole number from 1 to 2048, got "2049"'],
    [{ EMBEDDINGS_QUERY_PREFIX: 'query:\n' }, 'EMBEDDINGS_QUERY_PREFIX', 'Quelle: EMBEDDINGS_QUERY_PREFIX must not contain control characters (line breaks, tabs), got "query:\\n"'],
    [{ EMBEDDINGS_PASSAGE_PREFIX: 'passage:\t' }, 'EMBEDDINGS_PASSAGE_PREFIX', 'Quelle: EMBEDDINGS_PASSAGE_PREFIX must not contain control characters (line breaks, tabs), got "passage:\\t"'],
  ])('rejects %j, naming the variable', rejectsNaming);

  it('never shows the embeddings key: not in an error, nor the config as text, JSON, inspection or log line', () => {
    const err = error({ EMBEDDINGS_API_KEY: 'sk-secret part' });
    expect(err.message).toBe('Quelle: EMBEDDINGS_API_KEY must not contain white space');
    const config = loadConfig({ EMBEDDINGS_URL: 'http://localhost:11434/v1', EMBEDDINGS_MODEL: 'bge-m3', EMBEDDINGS_API_KEY: 'sk-embed-secret' });
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    createLogger({ logLevel: 'info' }, sink).info({ config, embeddings: config.embeddings, apiKey: config.embeddings?.apiKey }, 'starting');
    const shown = [JSON.stringify(config), inspect(config, { depth: 10, showHidden: true }), String(config.embeddings?.apiKey), `${config.embeddings?.apiKey}`, lines.join('')];
    for (const text of shown) expect(text).not.toContain('sk-embed-secret');
    expect(JSON.parse(JSON.stringify(config)).embeddings.apiKey).toBe('[redacted]');
    expect(lines.join('')).toContain('[redacted]');
  });
});
