import { isReadAction, runAction } from '../answers/actions.js';
import { ask } from '../answers/ask.js';
import { help, semanticSection } from '../answers/help.js';
import type { Locale } from '../answers/i18n.js';
import type { Library } from '../answers/library.js';
import { reload, type ReloadLogger } from '../answers/reload.js';
import { notice, plain, type Action, type Reply } from '../answers/reply.js';
import type { SemanticSearch } from '../answers/semantic.js';
import { source } from '../answers/source.js';

export interface ConsoleOptions {
  readonly library: Library;
  readonly locale: Locale;
  /** Passages per page. */
  readonly limit: number;
  readonly logger: ReloadLogger;
  /** Semantic search (EMBEDDINGS_URL), as the bot uses it; undefined: lexical only. */
  readonly semantic?: SemanticSearch | undefined;
}

/** What the user typed came to an end of the session. */
export const QUIT = Symbol('quit');

const CONSOLE_HELP = '/ask FRAGE (oder nur die Frage) · /source DATEI|TITEL [ABSATZ] · /more · /cite N · /reload · /help · /quit';

/** The console's own commands: what the Discord help says about buttons and menus does not apply here. */
const CONSOLE_COMMANDS: readonly { readonly title: string; readonly text: string }[] = [
  { title: 'Frage oder /ask Frage', text: 'Die drei besten Absätze mit Quelle und hervorgehobenen Treffern.' },
  { title: '/more', text: 'Die nächsten Treffer zur letzten Frage.' },
  { title: '/cite N', text: 'Zitiert Treffer N der letzten Antwort mit Quelle.' },
  { title: '/source Datei oder Titel [Absatz]', text: 'Zitiert einen Artikel (Titel, Autor, erster Absatz) oder einen Absatz.' },
  { title: '/reload', text: 'Lädt das Korpus neu.' },
  { title: '/quit', text: 'Beendet die Konsole (auch Strg-D).' },
];

/**
 * One console user: turns typed lines into the same replies the Discord commands give, and
 * remembers the last answer's buttons so that `/more` and `/cite N` can press them.
 */
export class ConsoleSession {
  readonly #options: ConsoleOptions;
  #actions: readonly Action[] = [];

  constructor(options: ConsoleOptions) {
    this.#options = options;
  }

  /** The reply to one line; undefined for a blank line; QUIT to end. */
  async handle(line: string): Promise<Reply | typeof QUIT | undefined> {
    const input = line.trim();
    if (input === '') return undefined;
    const reply = await this.#dispatch(input);
    if (reply !== QUIT && reply.buttons.length > 0) this.#actions = reply.buttons.map((b) => b.action);
    return reply;
  }

  async #dispatch(input: string): Promise<Reply | typeof QUIT> {
    const { library, locale, limit, logger, semantic } = this.#options;
    if (!input.startsWith('/')) return ask(library.engine, { question: input, limit }, locale, semantic);
    const space = input.search(/\s/u);
    const command = (space < 0 ? input : input.slice(0, space)).toLowerCase();
    const rest = space < 0 ? '' : input.slice(space + 1).trim();
    switch (command) {
      case '/ask':
        return ask(library.engine, { question: rest, limit }, locale, semantic);
      case '/source': {
        const match = /^(.*\S)\s+(\d+)$/u.exec(rest);
        const request = match ? { article: match[1] ?? '', paragraph: Number(match[2]) } : { article: rest };
        return source(library.engine, request, locale);
      }
      case '/reload':
        return reload(library, locale, logger, semantic);
      case '/help': {
        const reply = help(library.engine, locale);
        const sections = CONSOLE_COMMANDS.map((c) => ({ title: c.title, body: plain(c.text) }));
        return { ...reply, sections: semantic === undefined ? sections : [...sections, semanticSection(semantic, locale)] };
      }
      case '/more':
        return this.#press((a) => a.kind === 'page', 1, 'Keine weiteren Treffer zur letzten Frage.');
      case '/cite': {
        const n = /^\d+$/u.test(rest) ? Number(rest) : 1;
        return this.#press((a) => a.kind === 'cite', n, `Die letzte Antwort hat keinen Treffer ${n}.`);
      }
      case '/quit':
      case '/exit':
        return QUIT;
      default:
        return notice('warning', `Unbekannter Befehl ${command}`, CONSOLE_HELP);
    }
  }

  /** Presses the n-th button (1-based) of the last answer that matches; `missing` when there is none. */
  #press(kind: (action: Action) => boolean, n: number, missing: string): Reply | Promise<Reply> {
    const action = this.#actions.filter(kind)[n - 1];
    // Votes, removals and reports are Discord's; the console presses only paging and citing.
    if (action === undefined || !isReadAction(action)) return notice('info', missing, CONSOLE_HELP);
    const { library, locale, limit, semantic } = this.#options;
    return runAction(library.engine, action, limit, locale, semantic);
  }
}
