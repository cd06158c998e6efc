import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { runAction } from '../answers/actions.js';
import type { UserCooldown } from '../answers/cooldown.js';
import { localeOf, messages, type Locale } from '../answers/i18n.js';
import type { Library } from '../answers/library.js';
import type { SemanticSearch } from '../answers/semantic.js';
import { notice, type Reply } from '../answers/reply.js';
import type { Config } from '../config.js';
import type { Curator } from '../curation/curator.js';
import type { Feedback } from '../store/feedback.js';
import { reportMessages } from '../answers/report-messages.js';
import { runReport } from '../answers/run-report.js';
import { removeArticle } from '../answers/corpus.js';
import { corpusMessages } from '../answers/corpus-messages.js';
import { curationLimits, moderatorOf } from './commands/corpus.js';
import type { Conversations } from '../answers/conversations.js';
import { dismissAnswer } from './messages/dismiss.js';
import { mayReload } from './permissions.js';
import type { Command, CommandContext } from './commands/command.js';
import type { ActionCodec, ActionScope } from './custom-id.js';
import { INTERACTION_ACK_MS } from './limits.js';
import { render, type EncodeAction, type MessagePayload } from './render.js';

export interface RouterDeps {
  readonly commands: ReadonlyMap<string, Command>;
  readonly library: Library;
  readonly curator: Curator;
  readonly feedback: Feedback | undefined;
  /** Semantic search (EMBEDDINGS_URL); undefined: lexical only. */
  readonly semantic?: SemanticSearch | undefined;
  readonly config: Config;
  readonly cooldown: UserCooldown;
  /** Replicas on PostgreSQL (see replicas/replicas.ts); undefined for one process. */
  readonly replicas?: { reloaded(): Promise<void> } | undefined;
  readonly codec: ActionCodec;
  readonly logger: Logger;
  /** Wall clock in ms, for the age of an interaction (its id carries its creation time). */
  readonly now?: () => number;
  /** What was asked in each thread where the bot answered, for follow-ups (/ask in the thread). */
  readonly conversations?: Conversations | undefined;
}

/**
 * An interaction that has waited this long before we got to it (a burst, a blocking
 * reload) is deferred first, so that a slow answer cannot miss Discord's 3 s.
 */
const DEFER_AFTER_AGE_MS = INTERACTION_ACK_MS / 2;

type Outcome = 'replied' | 'deferred' | 'updated' | 'autocomplete' | 'unknown' | 'refused' | 'failed';

/**
 * Routes every interaction to its command or button and is the one error boundary: a
 * handler that throws is logged with the interaction's context and answered with a private
 * apology, and the bot keeps running. Never rejects.
 */
export function createInteractionRouter(deps: RouterDeps): (interaction: Interaction) => Promise<void> {
  const now = deps.now ?? Date.now;
  return async (interaction) => {
    const started = performance.now();
    const locale = localeOf(interaction.locale);
    const logger = deps.logger.child({
      interactionId: interaction.id,
      command: commandName(interaction),
      guildId: interaction.guildId ?? undefined,
      userId: interaction.user.id,
    });
    const context: CommandContext = { library: deps.library, curator: deps.curator, feedback: deps.feedback, semantic: deps.semantic, config: deps.config, cooldown: deps.cooldown, replicas: deps.replicas, locale, logger, conversations: deps.conversations };
    let outcome: Outcome = 'failed';
    try {
      outcome = await route(interaction, context, deps, now);
    } catch (err) {
      logger.error({ err }, 'interaction failed');
      await apologize(interaction, locale, logger);
    }
    logger.info({ outcome, latencyMs: Math.round(performance.now() - started), ageMs: Math.max(0, now() - interaction.createdTimestamp) }, 'interaction handled');
  };
}

async function route(interaction: Interaction, context: CommandContext, deps: RouterDeps, now: () => number): Promise<Outcome> {
  // Buttons remember the channel and the user they were made for (see ActionCodec.permits).
  const scope: ActionScope = { channelId: interaction.channelId, userId: interaction.user.id };
  const encode: EncodeAction = (button) => deps.codec.encode(button.action, scope);
  if (interaction.isAutocomplete()) return autocomplete(interaction, context, deps);
  const age = now() - interaction.createdTimestamp;
  const old = age > DEFER_AFTER_AGE_MS;
  // An answer that has not come by the time the interaction is this old (the embedding service
  // is slow to send a question's vector) is deferred, and edited in when it comes.
  const patience = Math.max(0, DEFER_AFTER_AGE_MS - age);
  if (interaction.isButton()) return button(interaction, context, deps, encode, old, scope, patience);
  if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
    const command = deps.commands.get(interaction.commandName);
    if (command === undefined || (command.kind === 'chat') !== interaction.isChatInputCommand()) {
      context.logger.warn('unknown command');
      await interaction.reply(render(unknown(context.locale), encode));
      return 'unknown';
    }
    if (command.kind === 'chat') {
      const chat = interaction as ChatInputCommandInteraction;
      return send(chat, () => command.run(chat, context), command.defer?.(chat) ?? (old ? deferVisibility(chat) : undefined), encode, { visibility: deferVisibility(chat), patience });
    }
    const menu = interaction as MessageContextMenuCommandInteraction;
    return send(menu, () => command.run(menu, context), old ? 'public' : undefined, encode, { visibility: 'public', patience });
  }
  // Select menus, modals, anything newer: not ours, but never left without an answer.
  context.logger.warn({ type: interaction.type }, 'unsupported interaction type');
  if (interaction.isRepliable()) await interaction.reply(render(unknown(context.locale), encode));
  return 'unknown';
}

/** How long an answer that comes asynchronously may take before it is deferred, and with which visibility. */
interface LateDefer {
  readonly visibility: 'private' | 'public';
  readonly patience: number;
}

/**
 * Answers a command with the reply it produces; with `defer`, acknowledges first (privately
 * or publicly) and edits the reply in when it is ready. A reply that is not there at once
 * (semantic search waiting for the service) and not within `late.patience` ms is deferred then.
 */
async function send(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  produce: () => Reply | Promise<Reply>,
  defer: 'private' | 'public' | undefined,
  encode: EncodeAction,
  late: LateDefer,
): Promise<Outcome> {
  let pending: Reply | Promise<Reply> | undefined;
  if (defer === undefined) {
    pending = produce();
    const reply = await within(pending, late.patience);
    if (reply !== undefined) {
      await interaction.reply(render(reply, encode));
      return 'replied';
    }
  }
  await interaction.deferReply((defer ?? late.visibility) === 'private' ? { flags: MessageFlags.Ephemeral } : {});
  await interaction.editReply(withoutFlags(render(await (pending ?? produce()), encode)));
  return 'deferred';
}

/**
 * The reply when it is there within `ms` (at once when it is not a promise); undefined when it
 * takes longer. A reply that fails rejects here, or later where it is awaited again.
 */
async function within(reply: Reply | Promise<Reply>, ms: number): Promise<Reply | undefined> {
  if (!(reply instanceof Promise)) return reply;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function autocomplete(interaction: AutocompleteInteraction, context: CommandContext, deps: RouterDeps): Promise<Outcome> {
  const command = deps.commands.get(interaction.commandName);
  let choices: { name: string; value: string }[] = [];
  try {
    if (command?.kind === 'chat' && command.autocomplete) choices = command.autocomplete(interaction, context);
  } catch (err) {
    // A broken suggestion list must not cost the user the command: offer nothing.
    context.logger.error({ err }, 'autocomplete failed');
  }
  await interaction.respond(choices);
  return 'autocomplete';
}

async function button(interaction: ButtonInteraction, context: CommandContext, deps: RouterDeps, encode: EncodeAction, old: boolean, scope: ActionScope, patience: number): Promise<Outcome> {
  // A button another replica made is looked up in the store: a moment, well inside the 3 s.
  const resolved = await deps.codec.resolve(interaction.customId, scope);
  if (resolved === undefined) {
    context.logger.warn({ customId: interaction.customId }, 'unknown button');
    await interaction.reply(render(unknown(context.locale), encode));
    return 'unknown';
  }
  const { action } = resolved;
  if (!resolved.permitted) {
    context.logger.warn({ customId: interaction.customId }, 'button pressed outside its answer');
    const t = messages(context.locale);
    await interaction.reply(render(notice('warning', t.notYoursTitle, t.notYoursText), encode));
    return 'refused';
  }
  if (action.kind === 'remove') return confirmRemove(interaction, action.file, context);
  if (action.kind === 'dismiss') return dismissAnswer(interaction, action, context);
  if (action.kind === 'vote') return vote(interaction, action.answerId, action.value, context);
  if (action.kind === 'report') return reportPage(interaction, action.report, action.days, action.offset, context, encode);
  // Paging edits the answer in place (a private answer stays private); a citation or a
  // published answer is a new message in the channel.
  const inPlace = action.kind === 'page';
  const acknowledge = () => (inPlace ? interaction.deferUpdate() : interaction.deferReply());
  if (old) await acknowledge();
  const pending = runAction(deps.library.engine, action, deps.config.askResults, context.locale, context.semantic);
  // A page that does not come in time (semantic search waiting for the service) is deferred too.
  let reply = old ? undefined : await within(pending, patience);
  const deferred = old || reply === undefined;
  if (reply === undefined) {
    if (!old) await acknowledge();
    reply = await pending;
  }
  if (deferred) {
    // A notice ("no more results") must not overwrite the answer it was asked from.
    if (inPlace && reply.tone !== 'answer') await interaction.followUp(render(reply, encode));
    else await interaction.editReply(withoutFlags(render(reply, encode)));
    return 'deferred';
  }
  if (inPlace && reply.tone === 'answer') {
    await interaction.update(withoutFlags(render(reply, encode)));
    return 'updated';
  }
  await interaction.reply(render(reply, encode));
  return 'replied';
}

/**
 * The confirm button of /corpus remove: the removal and reload, edited into the private
 * confirmation so that it cannot be pressed twice.
 */
function confirmRemove(interaction: ButtonInteraction, file: string, context: CommandContext): Promise<Outcome> {
  const produce = () => removeArticle(context.curator, file, moderatorOf(interaction), context.locale, curationLimits(context.config));
  return moderatorUpdate(interaction, context, corpusMessages(context.locale).denied, produce, () => '');
}

/**
 * 👍/👎: answered at once, privately; the answer's message is never changed, so others
 * never see who voted.
 */
async function vote(interaction: ButtonInteraction, answerId: string, value: 1 | -1, context: CommandContext): Promise<Outcome> {
  const t = reportMessages(context.locale);
  if (context.feedback === undefined) {
    await interaction.reply(render(notice('info', t.voteOff), () => ''));
    return 'refused';
  }
  const outcome = await context.feedback.vote(answerId, interaction.user.id, value);
  const reply = outcome === 'failed' ? notice('warning', t.voteFailed) : notice('info', outcome === 'withdrawn' ? t.withdrawn : t.thanks);
  await interaction.reply(render(reply, () => ''));
  context.logger.info({ outcome, value }, 'vote');
  return outcome === 'failed' ? 'failed' : 'replied';
}

/** Another page of a report, edited in place. */
function reportPage(interaction: ButtonInteraction, kind: 'unanswered' | 'feedback', days: number, offset: number, context: CommandContext, encode: EncodeAction): Promise<Outcome> {
  return moderatorUpdate(interaction, context, reportMessages(context.locale).denied, () => runReport(context.feedback, kind, days, offset, context.locale), encode);
}

/**
 * A moderators' button (remove, report pages): checked again at press time, since the button
 * outlives role changes and can be pressed by anyone who sees it; then acknowledged at once and
 * `produce`'s reply edited into the message.
 */
async function moderatorUpdate(interaction: ButtonInteraction, context: CommandContext, denied: string, produce: () => Promise<Reply>, encode: EncodeAction): Promise<Outcome> {
  if (!mayReload(interaction, context.config.moderatorRoleIds)) {
    context.logger.warn({ userId: interaction.user.id, customId: interaction.customId }, 'button refused: not a moderator');
    await interaction.reply(render(notice('error', denied), encode));
    return 'refused';
  }
  await interaction.deferUpdate();
  const reply = await produce();
  await interaction.editReply(withoutFlags(render(reply, encode)));
  return 'deferred';
}

/** A deferred /ask keeps the visibility the user asked for. */
function deferVisibility(interaction: ChatInputCommandInteraction): 'private' | 'public' {
  return interaction.options.get('private')?.value === true ? 'private' : 'public';
}

/** Edits cannot change a message's visibility; Discord rejects the ephemeral flag there. */
function withoutFlags(payload: MessagePayload): Omit<MessagePayload, 'flags'> {
  const { flags: _flags, ...rest } = payload;
  return rest;
}

function unknown(locale: Locale): Reply {
  const t = messages(locale);
  return notice('warning', t.unknownActionTitle, t.unknownActionText);
}

async function apologize(interaction: Interaction, locale: Locale, logger: Logger): Promise<void> {
  if (!interaction.isRepliable()) {
    if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]).catch(() => undefined);
    return;
  }
  const t = messages(locale);
  const payload = render(notice('error', t.errorTitle, t.errorText), () => '');
  try {
    if (interaction.deferred && !interaction.replied) await interaction.editReply(withoutFlags(payload));
    else if (interaction.replied || interaction.deferred) await interaction.followUp(payload);
    else await interaction.reply(payload);
  } catch (err) {
    // The interaction may be gone (expired token, Discord down): the log line is all we can do.
    logger.warn({ err }, 'could not send the apology');
  }
}

function commandName(interaction: Interaction): string {
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) return `button:${interaction.customId.split(':')[0] ?? ''}`;
  return `type:${interaction.type}`;
}
