import type { APIApplicationCommand, RESTPutAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { ApplicationCommandType } from 'discord-api-types/v10';
import { invalidFormBody, ok } from './rest-reply.js';
import type { RestReply, RouteContext } from './rest-reply.js';
import type { SnowflakeSequence } from './snowflake.js';
import type { FakeWorld } from './world.js';

const GLOBAL = 'global';

interface Registration {
  body: RESTPutAPIApplicationCommandsJSONBody;
  commands: APIApplicationCommand[];
}

/**
 * Application command registration (`/applications/{app}[/guilds/{guild}]/commands`). A PUT
 * replaces the set, as on Discord; the ids it hands out are the ids interactions then carry.
 */
export class CommandRoutes {
  private readonly registrations = new Map<string, Registration>();
  /** Ids for commands that were never registered, stable per name so repeated calls agree. */
  private readonly unregisteredIds = new Map<string, string>();

  constructor(
    private readonly world: FakeWorld,
    private readonly ids: SnowflakeSequence,
  ) {}

  /** The last PUT body for a guild, or for global commands when no guild is given. */
  lastPut(guildId?: string): RESTPutAPIApplicationCommandsJSONBody | undefined {
    return this.registrations.get(guildId ?? GLOBAL)?.body;
  }

  commandIdFor(name: string, guildId: string): string {
    const registered = [guildId, GLOBAL]
      .flatMap((scope) => this.registrations.get(scope)?.commands ?? [])
      .find((command) => command.name === name);
    if (registered) return registered.id;
    let id = this.unregisteredIds.get(name);
    if (id === undefined) {
      id = this.ids.next();
      this.unregisteredIds.set(name, id);
    }
    return id;
  }

  route(context: RouteContext): RestReply | undefined {
    const [root, applicationId, kind, guildId, last, ...more] = context.segments;
    if (root !== 'applications' || applicationId !== this.world.applicationId || more.length > 0) return undefined;
    if (kind === 'commands' && guildId === undefined) return this.commands(GLOBAL, context);
    if (kind === 'guilds' && guildId !== undefined && last === 'commands') return this.commands(guildId, context);
    return undefined;
  }

  private commands(scope: string, context: RouteContext): RestReply | undefined {
    const current = this.registrations.get(scope);
    switch (context.method) {
      case 'GET':
        return ok(current?.commands ?? []);
      case 'PUT': {
        if (!Array.isArray(context.body)) return invalidFormBody();
        const body = context.body as RESTPutAPIApplicationCommandsJSONBody;
        const commands = body.map((command) => this.withIds(scope, command, current));
        this.registrations.set(scope, { body, commands });
        return ok(commands);
      }
      case 'POST': {
        // Creating one command upserts it by name and leaves the others alone.
        const posted = context.body as RESTPutAPIApplicationCommandsJSONBody[number];
        const command = this.withIds(scope, posted, current);
        const otherName = (existing: { name: string }): boolean => existing.name !== command.name;
        this.registrations.set(scope, {
          body: [...(current?.body ?? []).filter(otherName), posted],
          commands: [...(current?.commands ?? []).filter(otherName), command],
        });
        return { status: 201, body: command };
      }
      default:
        return undefined;
    }
  }

  private withIds(scope: string, command: RESTPutAPIApplicationCommandsJSONBody[number], current: Registration | undefined): APIApplicationCommand {
    // Re-registering a command under the same name keeps its id, as Discord does.
    const id = current?.commands.find((existing) => existing.name === command.name)?.id ?? this.ids.next();
    const created = {
      description: '',
      ...command,
      id,
      type: command.type ?? ApplicationCommandType.ChatInput,
      application_id: this.world.applicationId,
      default_member_permissions: command.default_member_permissions ?? null,
      version: this.ids.next(),
    } as APIApplicationCommand;
    if (scope !== GLOBAL) created.guild_id = scope;
    return created;
  }
}
