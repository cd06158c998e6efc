import type { Article, SkippedFile } from '../corpus/types.js';
import type { Engine } from '../search/types.js';

/** What a reload changed. */
export interface ReloadReport {
  readonly before: Engine;
  readonly after: Engine;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  readonly skipped: readonly SkippedFile[];
  /** Wall time of the build, in milliseconds. */
  readonly ms: number;
}

/** Builds a new engine from the corpus dir; `build()` from search/ in production. */
export type BuildEngine = () => Promise<Engine>;

/**
 * Holds the engine in service. A reload builds a new engine beside it and swaps the one
 * reference only when the build succeeded, so a question is always answered by a whole
 * index (the old one during the build) and a failed reload keeps the old one. Reloads that
 * overlap share one build: a second moderator's /reload waits for the first one's result.
 */
export class Library {
  #engine: Engine;
  readonly #build: BuildEngine;
  readonly #now: () => number;
  #pending: Promise<ReloadReport> | undefined;
  #next: Promise<ReloadReport> | undefined;

  constructor(engine: Engine, build: BuildEngine, now: () => number = () => performance.now()) {
    this.#engine = engine;
    this.#build = build;
    this.#now = now;
  }

  /** The engine in service now. Take it once per question: a reload may swap it afterwards. */
  get engine(): Engine {
    return this.#engine;
  }

  /** Whether a reload is building right now. */
  get reloading(): boolean {
    return this.#pending !== undefined;
  }

  /** Rebuilds from the corpus dir. Rejects with the build's error and keeps the old engine. */
  reload(): Promise<ReloadReport> {
    this.#pending ??= this.#rebuild().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /**
   * Rebuilds from the corpus dir as it is now: unlike `reload`, never joins a build that
   * started before the call, whose read of the dir may have missed the caller's change (an
   * upload just written). Calls during a build share one build after it.
   */
  refresh(): Promise<ReloadReport> {
    if (this.#pending === undefined) return this.reload();
    this.#next ??= this.#pending
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.reload();
      });
    return this.#next;
  }

  async #rebuild(): Promise<ReloadReport> {
    const started = this.#now();
    const before = this.#engine;
    const after = await this.#build();
    this.#engine = after;
    return { before, after, ...diffArticles(before.articles(), after.articles()), skipped: after.stats().skipped, ms: Math.round(this.#now() - started) };
  }
}

/** Files added, removed, and changed (title or any paragraph), each sorted. */
export function diffArticles(before: readonly Article[], after: readonly Article[]): { added: string[]; removed: string[]; changed: string[] } {
  const old = new Map(before.map((a) => [a.file, a]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const article of after) {
    const previous = old.get(article.file);
    if (previous === undefined) added.push(article.file);
    else if (fingerprint(previous) !== fingerprint(article)) changed.push(article.file);
    old.delete(article.file);
  }
  return { added: added.sort(), removed: [...old.keys()].sort(), changed: changed.sort() };
}

function fingerprint(article: Article): string {
  return JSON.stringify([article.title, article.byline, article.paragraphs.map((p) => [p.heading, p.text])]);
}
