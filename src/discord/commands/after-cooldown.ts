import { messages } from '../../answers/i18n.js';
import { notice, type Reply } from '../../answers/reply.js';
import type { CommandContext } from './command.js';

/**
 * `answer()` unless the user is cooling down (then a private "one moment" with the seconds
 * left). Synchronous with this process's cooldown; waits for the store when replicas share it.
 */
export function afterCooldown(context: Pick<CommandContext, 'cooldown' | 'locale'>, userId: string, answer: () => Reply | Promise<Reply>): Reply | Promise<Reply> {
  const decide = (wait: number): Reply | Promise<Reply> => (wait > 0 ? notice('warning', messages(context.locale).cooldown(wait)) : answer());
  const wait = context.cooldown.take(userId);
  return typeof wait === 'number' ? decide(wait) : wait.then(decide);
}
