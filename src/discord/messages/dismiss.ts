import { PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { conversationMessages } from '../../answers/conversation-messages.js';
import { notice } from '../../answers/reply.js';
import type { CommandContext } from '../commands/command.js';
import { mayReload } from '../permissions.js';
import { render } from '../render.js';

/**
 * "Not helpful – remove" under an answer the bot gave unasked: the post's author, a member who
 * may manage messages in the channel, or a moderator (Manage Server, MODERATOR_ROLE_IDS) deletes
 * it; anyone else is told privately that they may not. A removal counts as 👎 on the answer.
 */
export async function dismissAnswer(interaction: ButtonInteraction, action: { readonly authorId: string; readonly answerId?: string }, context: CommandContext): Promise<'replied' | 'refused'> {
  const t = conversationMessages(context.locale);
  const author = interaction.user.id === action.authorId;
  const moderator = interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true || mayReload(interaction, context.config.moderatorRoleIds);
  if (!author && !moderator) {
    context.logger.warn({ userId: interaction.user.id }, 'remove refused: neither the author nor a moderator');
    await interaction.reply(render(notice('error', t.dismissDenied), () => ''));
    return 'refused';
  }
  // The bot deletes its own message: no permission needed for that.
  await interaction.message.delete();
  if (action.answerId !== undefined && context.feedback !== undefined) await context.feedback.vote(action.answerId, interaction.user.id, -1);
  await interaction.reply(render(notice('info', t.dismissed), () => ''));
  context.logger.info({ by: author ? 'author' : 'moderator' }, 'unasked answer removed');
  return 'replied';
}
