/**
 * Discord's message limits (https://discord.com/developers/docs/resources/message). A
 * message over any of them is rejected with a 400, so the renderer keeps inside them.
 */
export const MESSAGE_CONTENT_MAX = 2000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FOOTER_MAX = 2048;
/** Title, description, field names and values, footer and author of all embeds together. */
export const EMBED_TOTAL_MAX = 6000;
export const ACTION_ROWS_MAX = 5;
export const BUTTONS_PER_ROW_MAX = 5;
export const BUTTON_LABEL_MAX = 80;
export const CUSTOM_ID_MAX = 100;
/** Autocomplete: choices per response, and the length of a choice's name and string value. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;
/** Discord voids an interaction that is not acknowledged within 3 s. */
export const INTERACTION_ACK_MS = 3000;
