import { randomBytes } from 'node:crypto';
import type { Action } from '../answers/reply.js';
import { CUSTOM_ID_MAX } from './limits.js';

/** Questions remembered for paging buttons; the oldest are forgotten first. */
const REMEMBERED_QUESTIONS = 10_000;

/** Where and for whom a button is made, and who presses it. */
export interface ActionScope {
  /** The channel of the message the button is on. */
  readonly channelId: string | null;
  /** The user the answer is for (encode) or who pressed (permits). */
  readonly userId: string;
}

/**
 * Where buttons are kept beyond this process (the store, with replicas): another replica's
 * buttons are looked up there. The Feedback class fits.
 */
export interface ButtonMemory {
  rememberButton(button: { readonly key: string; readonly text: string; readonly channelId: string | null; readonly ownerId: string | undefined }): void;
  /** `ownedByPresser`: undefined when anyone may press it. */
  recallButton(key: string, presserId: string): Promise<{ text: string; channelId: string | null; ownedByPresser: boolean | undefined } | undefined>;
}

/** A decoded button and whether the one who pressed it may use it (see ActionCodec.permits). */
export interface ResolvedAction {
  readonly action: Action;
  readonly permitted: boolean;
}

/** A remembered question or file name, with the message scope it belongs to. */
interface Entry {
  readonly text: string;
  /** The text with its scope: one key per question, channel and owner. */
  readonly identity: string;
  /** Set for paging and posting: a press from another channel is refused. */
  readonly channelId: string | null | undefined;
  /** Set for private answers: only the user who asked may page or post them. */
  readonly ownerId: string | undefined;
}

/**
 * Turns button actions into custom_ids (at most 100 characters) and back. A question can be
 * 300 characters, so questions are remembered under a short key; a button whose key was
 * forgotten (after a restart, or 10,000 questions later) decodes to undefined and the user
 * is asked to ask again. Citations carry their file and paragraph in the id itself, so they
 * keep working across restarts.
 *
 * Keys are random (48 bits), never counters: after a restart a counter would start again at
 * 0, and the genuine button of an old public answer would page through the first question
 * asked since, maybe another user's private one. A key also remembers the channel it was made
 * for and, for a private answer, its owner (`permits`).
 *
 *   p:<key>:<offset>:<0|1 private>   more results
 *   b:<key>:<offset>                 post in channel
 *   c:<paragraph>:<file>             cite (or c:<paragraph>:~<key> for a very long file name)
 *   d:<file>                         confirm /corpus remove (or d:~<key>); checked for moderators on press
 *   v:<answer>:<u|d>                 👍/👎 on an answer (its id in the store)
 *   r:<u|f>:<days>:<offset>          a page of /report unanswered | feedback; checked for moderators on press
 *   x:<author>[:<answer>]            remove an answer given unasked; its post's author or a moderator, checked on press
 *
 * Paging and posting carry the answer's id too (…:<answer>), so that every page keeps its votes.
 */
export class ActionCodec {
  readonly #byKey = new Map<string, Entry>();
  readonly #byText = new Map<string, string>();
  readonly #capacity: number;
  readonly #memory: ButtonMemory | undefined;

  /** With `memory`, paging and posting keys are kept there too, for other replicas and restarts. */
  constructor(capacity = REMEMBERED_QUESTIONS, memory?: ButtonMemory) {
    this.#capacity = capacity;
    this.#memory = memory;
  }

  /**
   * decode and permits in one, for a press in `scope`: a paging or posting key this process
   * does not know is looked up in the memory (another replica made it, or this one before a
   * restart). Undefined for an id nobody knows.
   */
  async resolve(customId: string, scope: ActionScope): Promise<ResolvedAction | undefined> {
    const local = this.decode(customId);
    if (local !== undefined) return { action: local, permitted: this.permits(customId, scope) };
    const [kind, key = ''] = customId.split(':');
    if ((kind !== 'p' && kind !== 'b') || this.#memory === undefined || !KEY.test(key)) return undefined;
    const found = await this.#memory.recallButton(key, scope.userId);
    if (found === undefined) return undefined;
    const action = this.#decodeQuestion(customId, () => found.text);
    if (action === undefined) return undefined;
    // Paging and posting buttons always carry their channel (see #remember).
    const permitted = found.channelId === scope.channelId && found.ownedByPresser !== false;
    return { action, permitted };
  }

  /** The custom_id of an action on a message made in `scope` (the channel, the user it answers). */
  encode(action: Action, scope?: ActionScope): string {
    switch (action.kind) {
      case 'page':
        return `p:${this.#remember(withContext(action.question, action.context), scope, action.private)}:${action.offset}:${action.private ? 1 : 0}${answerSuffix(action.answerId)}`;
      case 'publish':
        // "Post in channel" is only offered on private answers.
        return `b:${this.#remember(action.question, scope, true)}:${action.offset}${answerSuffix(action.answerId)}`;
      case 'vote':
        return `v:${action.answerId}:${action.value === 1 ? 'u' : 'd'}`;
      case 'report':
        return `r:${action.report === 'unanswered' ? 'u' : 'f'}:${action.days}:${action.offset}`;
      case 'cite':
        return this.#withFile(`c:${action.paragraph}:`, action.file);
      case 'remove':
        // The file in the id itself: a confirmation survives a restart (moderators are checked on press).
        return this.#withFile('d:', action.file);
      case 'dismiss':
        return `x:${action.authorId}${answerSuffix(action.answerId)}`;
    }
  }

  /** `prefix` and the file, or `prefix~key` for a file too long for the id (or one that starts with "~" and would read as a key). */
  #withFile(prefix: string, file: string): string {
    const id = prefix + file;
    return id.length <= CUSTOM_ID_MAX && !file.startsWith('~') ? id : `${prefix}~${this.#remember(file, undefined, false)}`;
  }

  /** The file of what #withFile wrote after its prefix; undefined for a forgotten key or nothing. */
  #fileOf(ref: string): string | undefined {
    const file = ref.startsWith('~') ? this.#byKey.get(ref.slice(1))?.text : ref;
    return file === '' ? undefined : file;
  }

  /** The action of a custom_id, or undefined for an id this bot did not make or has forgotten. */
  decode(customId: string): Action | undefined {
    const [kind, a = '', b = '', c = ''] = customId.split(':');
    if (kind === 'p' || kind === 'b') return this.#decodeQuestion(customId, (key) => this.#byKey.get(key)?.text);
    if (kind === 'v') {
      if (!ANSWER_ID.test(a) || (b !== 'u' && b !== 'd')) return undefined;
      return { kind: 'vote', answerId: a, value: b === 'u' ? 1 : -1 };
    }
    if (kind === 'r') {
      const days = wholeNumber(b);
      const offset = wholeNumber(c);
      if ((a !== 'u' && a !== 'f') || days === undefined || days < 1 || offset === undefined) return undefined;
      return { kind: 'report', report: a === 'u' ? 'unanswered' : 'feedback', days, offset };
    }
    if (kind === 'c') {
      const paragraph = wholeNumber(a);
      // The file is everything after the second colon: file names may contain colons.
      const file = this.#fileOf(customId.slice(customId.indexOf(':', 2) + 1));
      if (paragraph === undefined || paragraph < 1 || file === undefined) return undefined;
      return { kind: 'cite', file, paragraph };
    }
    if (kind === 'x') {
      if (!/^\d{17,20}$/u.test(a) || (b !== '' && !ANSWER_ID.test(b))) return undefined;
      return { kind: 'dismiss', authorId: a, ...(b === '' ? {} : { answerId: b }) };
    }
    if (kind === 'd') {
      const file = this.#fileOf(customId.slice(2));
      return file === undefined ? undefined : { kind: 'remove', file };
    }
    return undefined;
  }

  /** A paging or posting id, with its question looked up by `question(key)`. */
  #decodeQuestion(customId: string, question: (key: string) => string | undefined): Action | undefined {
    const [kind, key = '', b = '', c = '', d = ''] = customId.split(':');
    const remembered = question(key);
    const offset = wholeNumber(b);
    if (remembered === undefined || offset === undefined) return undefined;
    const [text, context] = remembered.split(CONTEXT_SEPARATOR) as [string, string | undefined];
    const answer = kind === 'p' ? d : c;
    const answerId = ANSWER_ID.test(answer) ? { answerId: answer } : {};
    return kind === 'p' ? { kind: 'page', question: text, offset, private: c === '1', ...answerId, ...(context === undefined ? {} : { context }) } : { kind: 'publish', question: text, offset, ...answerId };
  }

  /**
   * Whether a press in `scope` may run the action of `customId`: the same channel the answer
   * was made in, and for a private answer the user who asked. Ids without remembered state
   * (citations) are anyone's.
   */
  permits(customId: string, scope: ActionScope): boolean {
    const [kind, key = ''] = customId.split(':');
    if (kind !== 'p' && kind !== 'b') return true;
    const entry = this.#byKey.get(key);
    if (entry === undefined) return true;
    if (entry.channelId !== undefined && entry.channelId !== scope.channelId) return false;
    return entry.ownerId === undefined || entry.ownerId === scope.userId;
  }

  #remember(text: string, scope: ActionScope | undefined, owned: boolean): string {
    const channelId = scope?.channelId;
    const ownerId = owned ? scope?.userId : undefined;
    const identity = JSON.stringify([text, channelId ?? null, ownerId ?? null]);
    const entry: Entry = { text, identity, channelId, ownerId };
    const known = this.#byText.get(identity);
    if (known !== undefined) {
      // Refresh: a question asked again should outlive older ones.
      this.#byKey.delete(known);
      this.#byKey.set(known, entry);
      return known;
    }
    let key = randomBytes(6).toString('base64url');
    while (this.#byKey.has(key)) key = randomBytes(6).toString('base64url');
    this.#byKey.set(key, entry);
    this.#byText.set(identity, key);
    // Only questions: file keys (a very long file name) need no other replica.
    if (scope !== undefined) this.#memory?.rememberButton({ key, text, channelId: channelId ?? null, ownerId });
    if (this.#byKey.size > this.#capacity) {
      const [oldKey, oldEntry] = this.#byKey.entries().next().value as [string, Entry];
      this.#byKey.delete(oldKey);
      this.#byText.delete(oldEntry.identity);
    }
    return key;
  }
}

/** Keys as #remember makes them: 8 characters of base64url. */
const KEY = /^[\w-]{8}$/u;

/** Between a question and its context in a remembered page (questions are cleaned of control characters: it cannot occur in one; not NUL, which PostgreSQL's text refuses). */
const CONTEXT_SEPARATOR = '\u001f';

/** A follow-up's page remembers the thread's earlier questions with the question. */
function withContext(question: string, context: string | undefined): string {
  return context === undefined ? question : `${question}${CONTEXT_SEPARATOR}${context}`;
}

/** Answer ids as newAnswerId makes them: 12 characters of base64url. */
const ANSWER_ID = /^[\w-]{12}$/u;

/** A new answer id, random: it is the key of the answer's votes in the store. */
export function newAnswerId(): string {
  return randomBytes(9).toString('base64url');
}

function answerSuffix(answerId: string | undefined): string {
  return answerId === undefined ? '' : `:${answerId}`;
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/u.test(text) ? Number(text) : undefined;
}
