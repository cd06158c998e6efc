import type {
  APIApplicationCommandOptionChoice,
  APIInteractionResponseCallbackData,
  APIMessage,
  InteractionResponseType,
} from 'discord-api-types/v10';

/**
 * One REST request as the fake received it. `path` is percent-decoded and has no `/api/v10`
 * prefix (so `@original` reads as such); `receivedAt` uses the same clock as the `sentAt` of
 * dispatched interactions (`performance.now()`), so their difference is a round trip.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON; for multipart uploads, the parsed `payload_json` part. */
  body: unknown;
  /** Only for multipart uploads: the whole body as received. */
  rawBody?: Buffer;
  /** Only for multipart uploads: the names of the uploaded files. */
  files?: string[];
  receivedAt: number;
  /** The status the fake answered with (a failNext fault, an error, or the normal answer). */
  status: number;
  /** The interaction this request belongs to: by id for callbacks, by token for webhooks. */
  interactionId?: string;
}

/**
 * What a bot sends as callback data. Typed for convenient assertions; it is the bot's JSON
 * as received, not validated beyond the checks that produce `violations`.
 */
export type CallbackData = APIInteractionResponseCallbackData & {
  choices?: APIApplicationCommandOptionChoice[];
};

/** The body of `POST /interactions/{id}/{token}/callback`, when the fake accepted it. */
export interface RecordedCallback {
  type: InteractionResponseType;
  data: CallbackData | undefined;
  receivedAt: number;
  /** Whether the bot asked for `?with_response=true`. */
  withResponse: boolean;
}

/** A webhook edit (PATCH) or follow-up (POST) for an interaction token that the fake accepted. */
export interface RecordedMessage {
  method: 'PATCH' | 'POST';
  path: string;
  body: CallbackData;
  /** The message as it stands after this request, as the fake answered it. */
  message: APIMessage;
  receivedAt: number;
}
