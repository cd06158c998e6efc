import { describe, expect, it } from 'vitest';
import { EmbeddingError } from '../../src/embeddings/errors.js';
import type { EmbeddingErrorKind } from '../../src/embeddings/errors.js';
import { EmbeddingHealth } from '../../src/embeddings/health.js';
import { logSink } from '../helpers/temp-corpus.js';

/** 14 March 2025, 15:04 in Berlin. */
const START = Date.UTC(2025, 2, 14, 14, 4);
const UNAVAILABLE = 'embedding service unavailable: questions are answered without semantic search';

function harness() {
  let now = START;
  const { entries, logger } = logSink();
  const health = new EmbeddingHealth({ host: 'localhost:11434', logger, now: () => now, timeZone: 'Europe/Berlin' });
  return { health, entries, advance: (ms: number) => void (now += ms) };
}

const error = (kind: EmbeddingErrorKind, status?: number) => new EmbeddingError(kind, `Quelle: the embedding service at localhost:11434 failed (${kind})`, status === undefined ? {} : { status });

describe('EmbeddingHealth', () => {
  it('is available until a call fails, then since when and why, until one succeeds', () => {
    const { health, entries, advance } = harness();
    expect(health.available).toBe(true);
    expect(health.unavailableSince).toBeUndefined();
    expect(health.describe('de')).toBe('Semantische Suche über localhost:11434 aktiv');
    expect(health.describe('en')).toBe('Semantic search via localhost:11434 active');
    health.failed(error('timeout'));
    advance(5000);
    expect(health.available).toBe(false);
    expect(health.unavailableSince).toEqual(new Date(START));
    expect(health.lastErrorKind).toBe('timeout');
    expect(health.describe('de')).toBe('Semantische Suche nicht verfügbar seit 15:04 (Dienst antwortet nicht)');
    expect(health.describe('en')).toBe('Semantic search unavailable since 15:04 (service not answering)');
    health.failed(error('unreachable'));
    // Still the start of the outage, and now the latest reason.
    expect(health.unavailableSince).toEqual(new Date(START));
    expect(health.describe('en')).toBe('Semantic search unavailable since 15:04 (service unreachable)');
    expect(health.toJSON()).toEqual({ host: 'localhost:11434', available: false, unavailableSince: '2025-03-14T14:04:00.000Z', lastError: 'unreachable' });
    health.succeeded();
    expect(health.available).toBe(true);
    expect(health.lastErrorKind).toBeUndefined();
    expect(health.toJSON()).toEqual({ host: 'localhost:11434', available: true });
    expect(entries.map((e) => [e.level, e.msg])).toEqual([
      ['warn', UNAVAILABLE],
      ['info', 'embedding service available again'],
    ]);
    expect(entries[1]?.obj).toEqual({ host: 'localhost:11434', unavailableMs: 5000 });
  });

  it('warns once a minute at most, counting what it kept quiet', () => {
    const { health, entries, advance } = harness();
    const first = error('status', 500);
    health.failed(first);
    expect(entries[0]?.obj).toEqual({ err: first, host: 'localhost:11434', since: '2025-03-14T14:04:00.000Z', suppressed: 0 });
    advance(30_000);
    health.failed(error('status', 500));
    health.succeeded();
    advance(20_000);
    health.failed(error('status', 429));
    expect(entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    advance(10_000);
    health.failed(error('status', 429));
    const warnings = entries.filter((e) => e.level === 'warn');
    expect(warnings).toHaveLength(2);
    expect(warnings[1]?.obj).toMatchObject({ since: '2025-03-14T14:04:50.000Z', suppressed: 2 });
  });

  it('names the day when the outage began on another one', () => {
    const { health, advance } = harness();
    health.failed(error('malformed'));
    advance(24 * 60 * 60 * 1000);
    expect(health.describe('de')).toBe('Semantische Suche nicht verfügbar seit 14.03., 15:04 (unverständliche Antwort)');
    expect(health.describe('en')).toBe('Semantic search unavailable since 14 Mar, 15:04 (unreadable answer)');
  });

  it.each([
    [error('unreachable'), 'Dienst nicht erreichbar', 'service unreachable'],
    [error('timeout'), 'Dienst antwortet nicht', 'service not answering'],
    [error('status', 401), 'Zugang abgelehnt (401)', 'access refused (401)'],
    [error('status', 403), 'Zugang abgelehnt (403)', 'access refused (403)'],
    [error('status', 404), 'Modell oder Adresse nicht gefunden (404)', 'model or address not found (404)'],
    [error('status', 429), 'zu viele Anfragen (429)', 'too many requests (429)'],
    [error('status', 503), 'Dienst meldet Fehler 503', 'service answered 503'],
    [error('malformed'), 'unverständliche Antwort', 'unreadable answer'],
    [error('dimension'), 'Vektoren falscher Dimension', 'vectors of the wrong dimension'],
    [error('nan'), 'ungültige Zahlen in den Vektoren', 'invalid numbers in the vectors'],
  ])('says why: %s', (err, de, en) => {
    const { health } = harness();
    health.failed(err);
    expect(health.describe('de')).toBe(`Semantische Suche nicht verfügbar seit 15:04 (${de})`);
    expect(health.describe('en')).toBe(`Semantic search unavailable since 15:04 (${en})`);
    if (err.status !== undefined) expect(health.toJSON().lastStatus).toBe(err.status);
  });

  it('names the host questions and passages are sent to', () => {
    const { health } = harness();
    expect(health.privacy('de')).toBe('Fragen und Passagen werden an localhost:11434 gesendet');
    expect(health.privacy('en')).toBe('Questions and passages are sent to localhost:11434');
  });
});
