import type { Message } from 'discord.js';
import type { Logger } from 'pino';
import { searchedText } from '../../answers/ask.js';
import { conversationMessages } from '../../answers/conversation-messages.js';
import type { Conversations } from '../../answers/conversations.js';
import type { UserCooldown } from '../../answers/cooldown.js';
import { localeOf } from '../../answers/i18n.js';
import { looksLikeQuestion } from '../../answers/question-like.js';
import type { RateLimit } from '../../answers/rate-limit.js';
import { notice, type Reply } from '../../answers/reply.js';
import { answerRecorded, type AskServices } from '../commands/ask-recorded.js';
import type { ActionCodec } from '../custom-id.js';
import { render, type MessagePayload } from '../render.js';

export interface MessageRouterDeps extends Omit<AskServices, 'locale'> {
  readonly conversations: Conversations;
  /** Answers given unasked, per forum or help channel (AUTO_ANSWER_PER_MINUTE). */
  readonly rateLimit: RateLimit;
  /** The per-user cooldown of /ask, shared: a mention is a question like any other. */
  readonly cooldown: UserCooldown;
  readonly codec: ActionCodec;
  readonly logger: Logger;
}

/** How a message is taken (see classify). */
type Kind = 'post' | 'mention' | 'channel-question' | 'follow-up' | undefined;

/** Posts and messages answered or left alone, remembered so that none is answered twice (a replayed event). */
const REMEMBERED_MESSAGES = 10_000;

/**
 * Questions asked without /ask (issue 24), the one error boundary for messages:
 * - a new post in an auto-answer forum (AUTO_ANSWER_CHANNEL_IDS), or a question in an
 *   auto-answer text channel, is answered unasked, but only with confidence `answer`: silence is
 *   better than a guess in someone's thread; everything is recorded for /report unanswered;
 * - a message that mentions the bot is a question wherever it is (a bare mention gets a help line);
 * - in a thread where the bot answered, a mention, or a reply to the bot in an auto-answer
 *   thread, is a follow-up, answered with the thread's earlier questions as context.
 * Bots, webhooks, system messages and the bot itself are never answered; edits are not listened
 * to. Never rejects.
 */
export function createMessageRouter(deps: MessageRouterDeps): (message: Message) => Promise<void> {
  const seen = new Set<string>();
  return async (message) => {
    if (!message.inGuild()) return;
    const kind = classify(message, deps.config.autoAnswer.channelIds);
    if (kind === undefined || seen.has(message.id)) return;
    seen.add(message.id);
    if (seen.size > REMEMBERED_MESSAGES) seen.delete(seen.values().next().value as string);
    const logger = deps.logger.child({ messageId: message.id, kind, guildId: message.guildId ?? undefined, channelId: message.channelId, userId: message.author.id });
    try {
      await answer(message, kind, deps, logger);
    } catch (err) {
      logger.error({ err }, 'message handling failed');
    }
  };
}

function classify(message: Message<true>, autoChannels: readonly string[]): Kind {
  if (message.author.bot || message.webhookId !== null || message.system) return undefined;
  const self = message.client.user.id;
  const channel = message.channel;
  const thread = channel.isThread() ? channel : undefined;
  const auto = autoChannels.includes(thread?.parentId ?? channel.id);
  // A forum post's first message has the id of its thread.
  if (auto && thread !== undefined && message.id === thread.id) return 'post';
  // The bot's own role is mentioned by mistake as often as the bot: both ask it.
  if (message.mentions.users.has(self) || message.mentions.roles.some((role) => role.tags?.botId === self)) return 'mention';
  if (auto && thread === undefined && looksLikeQuestion(message.content)) return 'channel-question';
  if (auto && thread !== undefined && message.mentions.repliedUser?.id === self) return 'follow-up';
  return undefined;
}

async function answer(message: Message<true>, kind: NonNullable<Kind>, deps: MessageRouterDeps, logger: Logger): Promise<void> {
  const locale = localeOf(message.guild.preferredLocale);
  const thread = message.channel.isThread() ? message.channel : undefined;
  const unasked = kind === 'post' || kind === 'channel-question';
  const text = kind === 'post' && thread !== undefined ? `${thread.name}\n${message.content}` : message.content;
  const question = searchedText(text);
  if (question === '') {
    // A bare mention (or a post without words): how to ask.
    if (unasked || kind === 'follow-up') return;
    const t = conversationMessages(locale);
    await send(message, notice('info', t.mentionHelpTitle, t.mentionHelp(message.client.user.username), false), deps, undefined);
    logger.info('mention without a question: help line sent');
    return;
  }
  if (unasked && !deps.rateLimit.take(thread?.parentId ?? message.channelId)) {
    logger.warn('auto answer skipped: AUTO_ANSWER_PER_MINUTE reached in this channel');
    return;
  }
  if (!unasked && (await deps.cooldown.take(message.author.id)) > 0) {
    logger.info('question skipped: the user is cooling down');
    return;
  }
  const earlier = thread === undefined || kind === 'post' ? undefined : deps.conversations.earlier(thread.id);
  const { reply, outcome, answerId } = await answerRecorded({ ...deps, locale }, message, { question, private: false, context: earlier });
  const confidence = outcome?.confidence ?? 'none';
  // Unasked, only a sure answer is posted: "not sure" and "nothing found" stay recorded for /report unanswered.
  if (unasked && confidence !== 'answer') {
    logger.info({ confidence }, 'auto answer withheld');
    return;
  }
  const dismiss = unasked ? { authorId: message.author.id, ...(answerId === undefined ? {} : { answerId }) } : undefined;
  await send(message, reply, deps, dismiss);
  if (thread !== undefined) deps.conversations.remember(thread.id, question);
  logger.info({ confidence, followUp: earlier !== undefined }, 'message answered');
}

/**
 * The reply to `message`, without pinging its author; an answer given unasked carries "Not
 * helpful – remove" for its author (and moderators).
 */
async function send(message: Message<true>, reply: Reply, deps: MessageRouterDeps, dismiss: { authorId: string; answerId?: string } | undefined): Promise<void> {
  const t = conversationMessages(localeOf(message.guild.preferredLocale));
  const buttons = dismiss === undefined ? reply.buttons : [...reply.buttons, { label: t.dismiss, action: { kind: 'dismiss' as const, ...dismiss } }];
  // Buttons remember the channel they were made for, and the asker (see ActionCodec.permits).
  const { flags: _private, ...payload }: MessagePayload = render({ ...reply, private: false, buttons }, (button) => deps.codec.encode(button.action, { channelId: message.channelId, userId: message.author.id }));
  await message.reply({ ...payload, allowedMentions: { parse: [], repliedUser: false } });
}
