import type { Action } from '../answers/reply.js';
import { CUSTOM_ID_MAX } from './limits.js';

/** Questions remembered for paging buttons; the oldest are forgotten first. */
export const REMEMBERED_QUESTIONS = 10_000;

/**
 * Turns button actions into custom_ids (at most 100 characters) and back. A question can be
 * 300 characters, so questions are remembered under a short key; a button whose key was
 * forgotten (after a restart, or 10,000 questions later) decodes to undefined and the user
 * is asked to ask again. Citations carry their file and paragraph in the id itself, so they
 * keep working across restarts.
 *
 *   p:<key>:<offset>:<0|1 private>   more results
 *   b:<key>:<offset>                 post in channel
 *   c:<paragraph>:<file>             cite (or c:<paragraph>:~<key> for a very long file name)
 */
export class ActionCodec {
  readonly #byKey = new Map<string, string>();
  readonly #byText = new Map<string, string>();
  readonly #capacity: number;
  #next = 0;

  constructor(capacity = REMEMBERED_QUESTIONS) {
    this.#capacity = capacity;
  }

  encode(action: Action): string {
    switch (action.kind) {
      case 'page':
        return `p:${this.#remember(action.question)}:${action.offset}:${action.private ? 1 : 0}`;
      case 'publish':
        return `b:${this.#remember(action.question)}:${action.offset}`;
      case 'cite': {
        const id = `c:${action.paragraph}:${action.file}`;
        // A file that starts with "~" would read as a key: it goes through the store too.
        return id.length <= CUSTOM_ID_MAX && !action.file.startsWith('~') ? id : `c:${action.paragraph}:~${this.#remember(action.file)}`;
      }
    }
  }

  /** The action of a custom_id, or undefined for an id this bot did not make or has forgotten. */
  decode(customId: string): Action | undefined {
    const [kind, a = '', b = '', c = ''] = customId.split(':');
    if (kind === 'p' || kind === 'b') {
      const question = this.#byKey.get(a);
      const offset = wholeNumber(b);
      if (question === undefined || offset === undefined) return undefined;
      return kind === 'p' ? { kind: 'page', question, offset, private: c === '1' } : { kind: 'publish', question, offset };
    }
    if (kind === 'c') {
      const paragraph = wholeNumber(a);
      // The file is everything after the second colon: file names may contain colons.
      const rest = customId.slice(customId.indexOf(':', 2) + 1);
      const file = rest.startsWith('~') ? this.#byKey.get(rest.slice(1)) : rest;
      if (paragraph === undefined || paragraph < 1 || file === undefined || file === '') return undefined;
      return { kind: 'cite', file, paragraph };
    }
    return undefined;
  }

  #remember(text: string): string {
    const known = this.#byText.get(text);
    if (known !== undefined) {
      // Refresh: a question asked again should outlive older ones.
      this.#byKey.delete(known);
      this.#byKey.set(known, text);
      return known;
    }
    const key = (this.#next++).toString(36);
    this.#byKey.set(key, text);
    this.#byText.set(text, key);
    if (this.#byKey.size > this.#capacity) {
      const [oldKey, oldText] = this.#byKey.entries().next().value as [string, string];
      this.#byKey.delete(oldKey);
      this.#byText.delete(oldText);
    }
    return key;
  }
}

function wholeNumber(text: string): number | undefined {
  return /^\d{1,6}$/u.test(text) ? Number(text) : undefined;
}
