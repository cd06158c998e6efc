/**
 * A fake Discord (REST v10 + JSON gateway on 127.0.0.1) that drives the real discord.js
 * Client, for end-to-end tests and the benchmark. It imports no test framework, so the
 * benchmark can compile and run it with plain tsc and node.
 */
export { FakeDiscord } from './fake-discord.js';
export type { DispatchedRef, FakeDiscordOptions, PostedRef, PostTamper, WaitForCountOptions, WaitOptions } from './fake-discord.js';
export type { FakeAttachmentSpec } from './cdn.js';
export { rateLimitedResponse, serverErrorResponse } from './faults.js';
export type { FaultMatch, FaultResponse } from './faults.js';
export type { FakeCommandOption, InteractionOptions, InteractionPayloads, TargetMessage } from './interaction-payloads.js';
export type { InteractionLike } from './interaction-registry.js';
export type { CallbackData, RecordedCallback, RecordedMessage, RecordedRequest } from './recorded.js';
export type { FakeChannelSpec, FakeGuildSpec, FakeRoleSpec } from './world.js';
export type { FakeForumPostSpec, FakeMessageSpec } from './guild-messages.js';
