/**
 * Checks a bot's outgoing payloads against Discord's documented limits and the project's
 * safety rules. Each check returns human-readable violations instead of throwing: the fake
 * still answers like Discord's happy path would, and the test decides what to assert.
 *
 * Lengths are counted in UTF-16 code units (`string.length`), which is never fewer than the
 * characters Discord counts, so a payload that passes here also passes there.
 */

const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const ACTION_ROW = 1;
const BUTTON = 2;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : 0;
}

function tooLong(problems: string[], where: string, what: string, value: unknown, max: number): void {
  const length = textLength(value);
  if (length > max) problems.push(`${where}: ${what} is ${length} characters (max ${max})`);
}

/**
 * The project's rule: every message states `allowed_mentions` with an empty `parse`, so text
 * taken from articles or users can never ping @everyone, roles or users.
 */
function checkAllowedMentions(problems: string[], where: string, body: JsonObject): void {
  const allowed = body['allowed_mentions'];
  if (!isObject(allowed)) {
    problems.push(`${where}: allowed_mentions is missing (Discord would then ping whatever the content mentions)`);
    return;
  }
  const parse = allowed['parse'];
  if (parse === undefined || (Array.isArray(parse) && parse.length === 0)) return;
  problems.push(`${where}: allowed_mentions.parse is ${JSON.stringify(parse)} (must be empty)`);
}

function checkEmbeds(problems: string[], where: string, embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  if (embeds.length > LIMITS.embeds) problems.push(`${where}: ${embeds.length} embeds (max ${LIMITS.embeds})`);
  let total = 0;
  embeds.forEach((embed: unknown, index) => {
    if (!isObject(embed)) return;
    const at = `${where}: embeds[${index}]`;
    tooLong(problems, at, 'title', embed['title'], LIMITS.embedTitle);
    tooLong(problems, at, 'description', embed['description'], LIMITS.embedDescription);
    total += textLength(embed['title']) + textLength(embed['description']);
    const footer = embed['footer'];
    if (isObject(footer)) {
      tooLong(problems, at, 'footer.text', footer['text'], LIMITS.footerText);
      total += textLength(footer['text']);
    }
    const author = embed['author'];
    if (isObject(author)) {
      tooLong(problems, at, 'author.name', author['name'], LIMITS.authorName);
      total += textLength(author['name']);
    }
    const fields = embed['fields'];
    if (!Array.isArray(fields)) return;
    if (fields.length > LIMITS.embedFields) problems.push(`${at}: ${fields.length} fields (max ${LIMITS.embedFields})`);
    fields.forEach((field: unknown, fieldIndex) => {
      if (!isObject(field)) return;
      const fieldAt = `${at}.fields[${fieldIndex}]`;
      tooLong(problems, fieldAt, 'name', field['name'], LIMITS.fieldName);
      tooLong(problems, fieldAt, 'value', field['value'], LIMITS.fieldValue);
      // Discord rejects the whole message when a field's name or value is empty.
      if (textLength(field['name']) === 0) problems.push(`${fieldAt}: name is empty`);
      if (textLength(field['value']) === 0) problems.push(`${fieldAt}: value is empty`);
      total += textLength(field['name']) + textLength(field['value']);
    });
  });
  if (total > LIMITS.embedTotal) problems.push(`${where}: embeds hold ${total} characters in total (max ${LIMITS.embedTotal})`);
}

/** custom_id can sit on any interactive component, however deeply nested (components v2). */
function checkCustomIds(problems: string[], where: string, component: JsonObject): void {
  tooLong(problems, where, 'custom_id', component['custom_id'], LIMITS.customId);
  const children = component['components'];
  if (!Array.isArray(children)) return;
  children.forEach((child: unknown, index) => {
    if (isObject(child)) checkCustomIds(problems, `${where}.components[${index}]`, child);
  });
}

function checkComponents(problems: string[], where: string, components: unknown): void {
  if (!Array.isArray(components)) return;
  const rows = components.filter((component) => isObject(component) && component['type'] === ACTION_ROW);
  if (rows.length > LIMITS.actionRows) problems.push(`${where}: ${rows.length} action rows (max ${LIMITS.actionRows})`);
  components.forEach((component: unknown, index) => {
    if (!isObject(component)) return;
    const at = `${where}: components[${index}]`;
    checkCustomIds(problems, at, component);
    if (component['type'] !== ACTION_ROW || !Array.isArray(component['components'])) return;
    const buttons = component['components'].filter((child: unknown) => isObject(child) && child['type'] === BUTTON);
    if (buttons.length > LIMITS.buttonsPerRow) problems.push(`${at}: ${buttons.length} buttons in one row (max ${LIMITS.buttonsPerRow})`);
    buttons.forEach((button: unknown, buttonIndex) => {
      if (isObject(button)) tooLong(problems, `${at}.components[${buttonIndex}]`, 'label', button['label'], LIMITS.buttonLabel);
    });
  });
}

function isNonEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/**
 * Checks a message the bot creates or edits (callback types 4 and 7, webhook edits and
 * follow-ups, channel messages). `creating` adds Discord's "cannot send an empty message"
 * rule, which does not apply to partial edits.
 */
export function checkMessageBody(where: string, body: unknown, creating: boolean): string[] {
  if (!isObject(body)) return [`${where}: message body is not a JSON object`];
  const problems: string[] = [];
  checkAllowedMentions(problems, where, body);
  tooLong(problems, where, 'content', body['content'], LIMITS.content);
  checkEmbeds(problems, where, body['embeds']);
  checkComponents(problems, where, body['components']);
  const hasSomething =
    textLength(body['content']) > 0 ||
    isNonEmptyArray(body['embeds']) ||
    isNonEmptyArray(body['components']) ||
    isNonEmptyArray(body['attachments']) ||
    isObject(body['poll']);
  if (creating && !hasSomething) problems.push(`${where}: empty message (Discord answers 400 "Cannot send an empty message")`);
  return problems;
}

/** Checks an autocomplete answer (callback type 8): at most 25 choices of 1-100 characters. */
export function checkAutocompleteChoices(where: string, data: unknown): string[] {
  const choices = isObject(data) ? data['choices'] : undefined;
  if (!Array.isArray(choices)) return [`${where}: autocomplete answer has no choices array`];
  const problems: string[] = [];
  if (choices.length > LIMITS.choices) problems.push(`${where}: ${choices.length} autocomplete choices (max ${LIMITS.choices})`);
  choices.forEach((choice: unknown, index) => {
    const at = `${where}: choices[${index}]`;
    if (!isObject(choice)) {
      problems.push(`${at} is not an object`);
      return;
    }
    if (textLength(choice['name']) === 0) problems.push(`${at}: name is empty`);
    tooLong(problems, at, 'name', choice['name'], LIMITS.choiceName);
    tooLong(problems, at, 'value', choice['value'], LIMITS.choiceValue);
  });
  return problems;
}
