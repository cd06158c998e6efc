/**
 * The plain reply model: what a command answers, before anyone decides how it looks. The
 * Discord adapter renders it as an embed with buttons, the console as text. Nothing here
 * knows Discord's limits or Markdown; renderers escape and truncate.
 */
import type { Span } from '../search/types.js';

/** Text with some stretches to be shown bold (the matched words of a passage). */
export interface RichText {
  readonly text: string;
  /** Sorted, non-overlapping spans of `text` to emphasise. */
  readonly bold: readonly Span[];
}

/** What a button does when pressed; the adapter turns it into an id and back. */
export type Action =
  /** The next page of an answer; `answerId` keeps its votes together across pages; a follow-up's page keeps its `context`. */
  | { readonly kind: 'page'; readonly question: string; readonly offset: number; readonly private: boolean; readonly answerId?: string; readonly context?: string }
  /** Post one passage as a quote with its source, as `/source article paragraph` would. */
  | { readonly kind: 'cite'; readonly file: string; readonly paragraph: number }
  /** Post a private answer in the channel for everyone. */
  | { readonly kind: 'publish'; readonly question: string; readonly offset: number; readonly answerId?: string }
  /** 👍 (1) or 👎 (-1) on an answer. */
  | { readonly kind: 'vote'; readonly answerId: string; readonly value: 1 | -1 }
  /** Another page of a moderators' report. */
  | { readonly kind: 'report'; readonly report: 'unanswered' | 'feedback'; readonly days: number; readonly offset: number }
  /** Confirm `/corpus remove`: delete an uploaded article and reload (moderators). */
  | { readonly kind: 'remove'; readonly file: string }
  /** "Not helpful – remove" under an answer given unasked: its post's author or a moderator deletes it (counted as 👎). */
  | { readonly kind: 'dismiss'; readonly authorId: string; readonly answerId?: string };

export interface Button {
  /** Empty for a button that shows only its emoji. */
  readonly label: string;
  /** An emoji shown on the button (👍). */
  readonly emoji?: string;
  readonly action: Action;
  /** The one button a user most likely wants. */
  readonly primary?: boolean;
}

/** One block of a reply: a passage, or a part of a citation. */
export interface Section {
  /** A short heading: the article title, or "Paragraph 3". */
  readonly title: string;
  /** Where it comes from: "004_….txt · paragraph 12". */
  readonly source?: string;
  readonly body: RichText;
  /** Show the body as a quotation. */
  readonly quote?: boolean;
  /** Show the body verbatim, ready to copy (a citation line). */
  readonly verbatim?: boolean;
}

export type Tone = 'answer' | 'info' | 'warning' | 'error';

export interface Reply {
  /** Only the person who asked sees it (Discord: ephemeral). */
  readonly private: boolean;
  readonly tone: Tone;
  readonly title: string;
  /** A lead paragraph under the title. */
  readonly text?: RichText;
  readonly sections: readonly Section[];
  /** A last line in small print: paging state, build time. */
  readonly footer?: string;
  readonly buttons: readonly Button[];
}

/** Text with nothing emphasised. */
export function plain(text: string): RichText {
  return { text, bold: [] };
}

/** A reply without sections or buttons: a notice, a refusal, an error. */
export function notice(tone: Exclude<Tone, 'answer'>, title: string, text?: string, isPrivate = true): Reply {
  return { private: isPrivate, tone, title, ...(text === undefined ? {} : { text: plain(text) }), sections: [], buttons: [] };
}
