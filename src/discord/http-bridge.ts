/**
 * HTTP interactions through the same discord.js structures and router as the gateway. Discord
 * POSTs an interaction; discord.js turns the raw payload into its Interaction (the action the
 * gateway handler uses), the router answers it with reply/deferReply/update/respond as ever,
 * and the one request those make to `POST /interactions/{id}/{token}/callback` is caught here
 * and becomes the HTTP response instead. Edits and follow-ups after a deferral go to Discord's
 * webhook as in gateway mode (they need no bot token).
 */
import { Events, type Client, type Interaction, type RESTOptions } from 'discord.js';

/** discord.js's internal action that builds an Interaction from a raw payload (what the gateway's INTERACTION_CREATE handler calls). */
interface InteractionActions {
  readonly actions: { readonly InteractionCreate: { handle(data: unknown): void } };
}

/** What the HTTP endpoint answers an interaction with: Discord's interaction response (the callback body). */
export type InteractionResponse = object;

/** An interaction came whose kind discord.js does not build (a newer type): the router never saw it. */
export class UnhandledInteractionError extends Error {
  override readonly name = 'UnhandledInteractionError';
}

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/u;

/** How @discordjs/rest sends a request (its `makeRequest` option). */
export type MakeRequest = RESTOptions['makeRequest'];

interface Waiting {
  resolve(response: InteractionResponse): void;
}

/**
 * Pairs interactions that came over HTTP with their first callback. `makeRequest` goes into the
 * client's REST options: a callback for an interaction waiting here resolves that
 * interaction's HTTP response; every other request goes out with `fetch`.
 */
export class CallbackExchange {
  readonly #waiting = new Map<string, Waiting>();
  readonly #fetch: MakeRequest;

  constructor(fetchImpl: MakeRequest = fetch as unknown as MakeRequest) {
    this.#fetch = fetchImpl;
  }

  /** For `new Client({ rest: { makeRequest } })`. */
  readonly makeRequest: MakeRequest = async (url, init) => {
    const id = CALLBACK_PATH.exec(url)?.[1];
    const waiting = id === undefined ? undefined : this.#waiting.get(id);
    if (id === undefined || waiting === undefined) return this.#fetch(url, init);
    if (typeof init.body !== 'string') throw new Error('Quelle: an interaction response with files cannot be sent as an HTTP response');
    // The first callback only; a second one goes to Discord, which refuses it as it would over the gateway.
    this.#waiting.delete(id);
    waiting.resolve(JSON.parse(init.body) as InteractionResponse);
    // Let the HTTP response go out before the caller goes on (an edit right after a deferral
    // must not reach Discord before the deferral does).
    await new Promise((resolve) => setImmediate(resolve));
    return new Response(null, { status: 204 });
  };

  /**
   * Builds the Interaction from `raw` on `client` and runs `route` on it; resolves with the
   * interaction's first callback body as soon as the router sends it, while the router may
   * go on (an edit after a deferral). Rejects when the router ends without answering, or with
   * UnhandledInteractionError for a kind discord.js does not build.
   */
  answer(client: Client, raw: { readonly id: string }, route: (interaction: Interaction) => Promise<void>): Promise<InteractionResponse> {
    const interaction = build(client, raw);
    if (interaction === undefined) return Promise.reject(new UnhandledInteractionError(`Quelle: discord.js does not build interactions like ${raw.id}`));
    return new Promise<InteractionResponse>((resolve, reject) => {
      this.#waiting.set(interaction.id, { resolve });
      route(interaction).then(
        () => {
          if (this.#waiting.delete(interaction.id)) reject(new Error(`Quelle: interaction ${interaction.id} was handled without a response`));
        },
        (err: unknown) => {
          this.#waiting.delete(interaction.id);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  /** Interactions waiting for their response (for tests: none may be left behind). */
  get waiting(): number {
    return this.#waiting.size;
  }
}

/** The Interaction discord.js builds from a raw payload; undefined for a kind it does not build. */
function build(client: Client, raw: unknown): Interaction | undefined {
  let built: Interaction | undefined;
  // The action emits synchronously: the listener is on only for this one call.
  const capture = (interaction: Interaction): void => {
    built = interaction;
  };
  client.on(Events.InteractionCreate, capture);
  try {
    (client as unknown as InteractionActions).actions.InteractionCreate.handle(raw);
  } finally {
    client.off(Events.InteractionCreate, capture);
  }
  return built;
}
