/**
 * The feedback store: what people asked through Discord, what they got, and their votes.
 * One small interface, two implementations (SQLite embedded, PostgreSQL shared); nothing
 * outside src/store/ knows which one runs. No Discord types here.
 */
import type { ChangeFeed, SharedStateStore } from './shared-state.js';

/** Where the store is (DATABASE_URL): a SQLite file, or a PostgreSQL server. */
export type StoreLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** One question asked through Discord (slash command or context menu) and its outcome. */
export interface QuestionRecord {
  /** The answer's id, made by the caller (it is in the vote buttons before anything is written). */
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly locale: string;
  /** The question as asked; null when STORE_QUESTIONS=false. */
  readonly question: string | null;
  /** Whether the engine answered with nothing. */
  readonly abstained: boolean;
  /** Whether it answered with passages it was not sure of (confidence `uncertain`). */
  readonly uncertain?: boolean;
  /** The first passage shown. */
  readonly top: { readonly file: string; readonly paragraph: number; readonly score: number } | null;
  readonly private: boolean;
}

export type VoteValue = 1 | -1;

/** What a press did: a new vote, a vote changed to the other value, or one withdrawn (same value again). */
export type VoteOutcome = 'recorded' | 'changed' | 'withdrawn';

export interface Vote {
  readonly answerId: string;
  /** A keyed hash of the user for this answer (see voter.ts); never a Discord id. */
  readonly voter: string;
  readonly value: VoteValue;
  readonly at: number;
}

export interface UnansweredGroup {
  /** One of the group's questions as asked (the latest). */
  readonly question: string;
  readonly count: number;
  readonly lastAsked: number;
  /** Every time it was asked it got passages marked uncertain, never nothing. */
  readonly uncertain: boolean;
}

export interface DownvotedAnswer {
  /** The question as asked; null when not stored or unknown. */
  readonly question: string | null;
  readonly file: string | null;
  readonly paragraph: number | null;
  readonly up: number;
  readonly down: number;
}

export interface FeedbackReport {
  /** Milliseconds since the epoch: the report covers questions and votes from then on. */
  readonly since: number;
  readonly questions: number;
  readonly abstained: number;
  /** Questions answered with passages marked uncertain. */
  readonly uncertain: number;
  readonly votes: { readonly up: number; readonly down: number };
  /** Questions that got no answer or an uncertain one, grouped by their normalized form, most asked first. */
  readonly unanswered: readonly UnansweredGroup[];
  /** Answers with at least one 👎, most 👎 first. */
  readonly downvoted: readonly DownvotedAnswer[];
}

/** The store: feedback (questions, votes, reports) and what replicas share (see shared-state.ts). */
export interface FeedbackStore extends SharedStateStore {
  /** PostgreSQL's LISTEN/NOTIFY feed of corpus changes; undefined for SQLite (one process). */
  readonly changes?: ChangeFeed;
  /** Which implementation, for logs: "sqlite" or "postgres". */
  readonly kind: 'sqlite' | 'postgres';
  /** The install's secret for voter hashes: made once, kept in the store. */
  secret(): Promise<string>;
  /** Records questions; several at once in one transaction. */
  recordQuestions(records: readonly QuestionRecord[]): Promise<void>;
  /** A press of 👍 or 👎: one vote per voter per answer; the same value again withdraws it. */
  vote(vote: Vote): Promise<VoteOutcome>;
  report(since: number, limit: number): Promise<FeedbackReport>;
  /** Deletes questions and votes older than `before`; returns how many rows went. */
  purge(before: number): Promise<number>;
  /** Resolves when the store answers a trivial query (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
