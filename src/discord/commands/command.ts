import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Conversations } from '../../answers/conversations.js';
import type { UserCooldown } from '../../answers/cooldown.js';
import type { Locale } from '../../answers/i18n.js';
import type { Library } from '../../answers/library.js';
import type { Reply } from '../../answers/reply.js';
import type { SemanticSearch } from '../../answers/semantic.js';
import type { Config } from '../../config.js';
import type { Curator } from '../../curation/curator.js';
import type { Feedback } from '../../store/feedback.js';

/** What a command handler gets: everything it needs is passed in, nothing is global. */
export interface CommandContext {
  readonly library: Library;
  /** Changes the corpus for /corpus. */
  readonly curator: Curator;
  /** Questions, votes and reports; undefined when DATABASE_URL=off. */
  readonly feedback: Feedback | undefined;
  /** Semantic search (EMBEDDINGS_URL); undefined: lexical only. */
  readonly semantic: SemanticSearch | undefined;
  readonly config: Config;
  readonly cooldown: UserCooldown;
  /** Replicas on PostgreSQL: /reload tells the others; undefined for one process. */
  readonly replicas?: { reloaded(): Promise<void> } | undefined;
  /** The reply language, from the user's Discord client. */
  readonly locale: Locale;
  /** A child logger bound to this interaction. */
  readonly logger: Logger;
  /** What was asked in each thread where the bot answered: /ask in such a thread is a follow-up. */
  readonly conversations?: Conversations | undefined;
}

/**
 * A slash command: its definition (what Discord shows, localized) apart from its behaviour
 * (a handler that returns a plain Reply; the router sends it).
 */
export interface ChatCommand {
  readonly kind: 'chat';
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * Acknowledge at once with a deferred reply (private or public) when the work may take
   * longer than Discord's 3 s; undefined replies directly.
   */
  defer?(interaction: ChatInputCommandInteraction): 'private' | 'public' | undefined;
  run(interaction: ChatInputCommandInteraction, context: CommandContext): Reply | Promise<Reply>;
  autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): ApplicationCommandOptionChoiceData<string>[];
}

/** A message context-menu command ("Apps" on a message). */
export interface MessageCommand {
  readonly kind: 'message';
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  run(interaction: MessageContextMenuCommandInteraction, context: CommandContext): Reply | Promise<Reply>;
}

export type Command = ChatCommand | MessageCommand;
