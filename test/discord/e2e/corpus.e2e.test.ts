import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeAttachmentSpec, FakeCommandOption } from '../../fake-discord/index.js';
import { bool, buttonsOf, embedOf, isEphemeral, str, textOf, useHarness, type Harness } from './harness.js';

const MOD_ROLE = '222222222222222222';
const MOD = { roles: [MOD_ROLE] };
const MEMBER = { userId: '444444444444444444', username: 'member' };

let h: Harness;
useHarness((started) => (h = started), { MODERATOR_ROLE_IDS: MOD_ROLE, CORPUS_UPLOAD_MAX_BYTES: String(64 * 1024), CORPUS_UPLOAD_TIMEOUT_SECONDS: '1' }, { guilds: [{ roles: [{ id: MOD_ROLE, name: 'Moderator' }] }] });

const uploads = () => path.join(h.corpusDir, 'uploads');
const uploaded = () => (existsSync(uploads()) ? readdirSync(uploads()).filter((f) => !f.startsWith('.')).sort() : []);
const ARTICLE = 'Zwiebelkuchen in Thüringen\n\nDer Zwiebelkuchen wird in Thüringen im Herbst mit Federweißer gegessen.\n\nDas Rezept stammt aus dem 19. Jahrhundert.\n';

/** /corpus add with a file, as a moderator unless told; the deferred reply's edit. */
async function add(file: FakeAttachmentSpec, options: { replace?: boolean; as?: object } = {}) {
  const i = h.fake.chatInputWithAttachment('corpus', 'add', 'file', file, options.replace === undefined ? [] : [bool('replace', options.replace)], options.as ?? MOD);
  const callback = await h.fake.waitForCallback(i.id);
  expect(callback.type).toBe(5);
  expect(isEphemeral(callback)).toBe(true);
  const [edit] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
  return edit;
}

async function corpus(subcommand: string, options: FakeCommandOption[] = [], as: object = MOD) {
  const i = h.fake.chatInput('corpus', [{ name: subcommand, type: 1, options }], as);
  await h.fake.waitForCallback(i.id);
  const [edit] = await h.fake.waitForMessages(i.token, 1, { timeoutMs: 20_000 });
  return edit;
}

async function ask(question: string): Promise<string> {
  const i = h.fake.chatInput('ask', [str('question', question)]);
  return textOf(await h.fake.waitForCallback(i.id));
}

describe('/corpus add', () => {
  it('writes the article into the upload folder, reloads, and shows what the index now holds', async () => {
    const reply = await add({ filename: 'zwiebelkuchen.txt', content: ARTICLE });
    const embed = embedOf(reply);
    expect(embed.title).toBe('Article added');
    expect(embed.description).toBe('uploads/zwiebelkuchen.txt · 2 paragraphs\nIndex: 6 articles, 67 paragraphs');
    expect(embed.fields?.map((f) => f.name)).toEqual(['Title', 'First paragraph']);
    expect(embed.fields?.[0]?.value).toBe('Zwiebelkuchen in Thüringen');
    expect(embed.fields?.[1]?.value).toContain('Federweißer');
    expect(uploaded()).toEqual(['zwiebelkuchen.txt']);
    // Only the new article answers this.
    expect(await ask('Was isst man in Thüringen zum Federweißer?')).toContain('uploads/zwiebelkuchen.txt');
    const manifest = JSON.parse(readFileSync(path.join(uploads(), '.quelle-uploads.json'), 'utf8')) as { uploads: { name: string; uploaderId: string; bytes: number }[] };
    expect(manifest.uploads).toEqual([expect.objectContaining({ name: 'zwiebelkuchen.txt', uploaderId: h.fake.userId, bytes: Buffer.byteLength(ARTICLE) })]);
    expect(h.logs.some((l) => l.msg === 'corpus: article added' && l.file === 'uploads/zwiebelkuchen.txt')).toBe(true);
  });

  it('replaces an upload only with replace:true', async () => {
    const changed = ARTICLE.replace('19. Jahrhundert', '18. Jahrhundert');
    const refused = embedOf(await add({ filename: 'zwiebelkuchen.txt', content: changed }));
    expect(refused).toMatchObject({ title: 'Not taken', description: 'uploads/zwiebelkuchen.txt exists. Upload it with replace:true to replace it.' });
    expect(readFileSync(path.join(uploads(), 'zwiebelkuchen.txt'), 'utf8')).toBe(ARTICLE);
    expect(embedOf(await add({ filename: 'zwiebelkuchen.txt', content: changed }, { replace: true })).title).toBe('Article replaced');
    expect(readFileSync(path.join(uploads(), 'zwiebelkuchen.txt'), 'utf8')).toBe(changed);
  });

  it.each([
    ['declared too large', { filename: 'gross.txt', content: 'Klein.', size: 65 * 1024 }, 'The file is larger than the limit of 64.0 KiB.', false],
    ['too large, declared small', { filename: 'gross.txt', content: 'Absatz. '.repeat(10_000), size: 100, chunked: true }, 'The file is larger than the limit of 64.0 KiB.', true],
    ['not UTF-8', { filename: 'latin1.txt', content: Buffer.from('Gr\xfc\xdfe aus M\xfcnchen', 'latin1') }, 'The file is not UTF-8 text. Save it as UTF-8 and upload it again.', true],
    ['binary', { filename: 'bild.txt', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }, 'The file is not a text file.', true],
    ['empty', { filename: 'leer.txt', content: '\n  \n' }, 'The file has no paragraph of text.', true],
    ['not .txt or .md', { filename: 'artikel.pdf', content: 'Text' }, 'Only .txt and .md files can become articles.', false],
    ['slow', { filename: 'langsam.txt', content: 'Ein Absatz. '.repeat(4000), chunkDelayMs: 700 }, 'Downloading the attachment took longer than 1 s and was abandoned.', true],
    ['gone from the CDN', { filename: 'weg.txt', content: 'Text', status: 404 }, 'The attachment could not be downloaded. Please try again.', true],
  ])('refuses a file that is %s, and writes nothing', async (_kind, file, message, fetched) => {
    const before = uploaded();
    const downloads = h.fake.cdn.downloads.length;
    const embed = embedOf(await add(file));
    expect(embed).toMatchObject({ title: 'Not taken', description: message });
    expect(uploaded()).toEqual(before);
    // Declared size and extension are checked before anything is fetched.
    expect(h.fake.cdn.downloads.length > downloads).toBe(fetched);
  });

  it('never fetches an attachment URL outside DISCORD_CDN_URL', async () => {
    const payload = h.fake.payloads.chatInput('corpus', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: '1234' }] }], MOD);
    payload.data.resolved = { attachments: { '1234': { id: '1234', filename: 'x.txt', size: 10, url: 'http://127.0.0.2:1/attachments/1/2/x.txt', proxy_url: 'http://127.0.0.2:1/x.txt' } } };
    const i = h.fake.dispatchInteraction(payload);
    await h.fake.waitForCallback(i.id);
    const [edit] = await h.fake.waitForMessages(i.token, 1);
    expect(embedOf(edit).description).toBe("The attachment is not on Discord's CDN; nothing was fetched.");
  });

  it.each([
    ['../../ausbruch.txt', '_.._ausbruch.txt'],
    ['.versteckt.md', 'versteckt.md'],
    ['a\u0007b\u202Egnaf.txt', 'abgnaf.txt'],
    [`${'x'.repeat(200)}.TXT`, `${'x'.repeat(80)}.txt`],
  ])('makes the name %j safe: %j, inside the upload folder', async (name, safe) => {
    const reply = await add({ filename: name, content: `Titel\n\nEin Absatz über ${safe.slice(0, 10)}.\n` });
    expect(embedOf(reply).title).toBe('Article added');
    expect(uploaded()).toContain(safe);
    expect(readdirSync(h.corpusDir).filter((f) => f.includes('ausbruch'))).toEqual([]);
  });

  it('writes 20 uploads sent at once, each once, and indexes them all', async () => {
    const names = ['Amber', 'Bexley', 'Corvin', 'Dalton', 'Elmira', 'Farley', 'Gideon', 'Harlow', 'Ingram', 'Jasper', 'Kendal', 'Lorcan', 'Marlow', 'Nestor', 'Orrin', 'Perrin', 'Quillon', 'Roscoe', 'Sutton', 'Tamsin'];
    const files = names.map((name, n) => ({ filename: `serie-${n}.txt`, content: `Folge ${n}\n\nDie Serie erzählt in dieser Folge vom Kürbis ${name}.\n` }));
    const replies = await Promise.all(files.map((file) => add(file)));
    expect(replies.map((r) => embedOf(r).title)).toEqual(files.map(() => 'Article added'));
    expect(uploaded().filter((f) => f.startsWith('serie-'))).toHaveLength(20);
    const manifest = JSON.parse(readFileSync(path.join(uploads(), '.quelle-uploads.json'), 'utf8')) as { uploads: { name: string }[] };
    expect(manifest.uploads.filter((u) => u.name.startsWith('serie-'))).toHaveLength(20);
    const list = await corpus('list');
    expect(embedOf(list).title).toMatch(/^Corpus: \d+ articles/u);
    expect(h.app.bot.client.isReady()).toBe(true);
    for (const n of [0, 7, 19]) expect(await ask(`Kürbis ${names[n]}`)).toContain(`uploads/serie-${n}.txt`);
  });
});

describe('/corpus list', () => {
  it('lists uploads first, with who uploaded them, then the operator’s files', async () => {
    const embed = embedOf(await corpus('list'));
    const fields = embed.fields ?? [];
    expect(fields[0]?.value).toMatch(/^-# uploads\/serie-\d+\.txt\n1 paragraph · [\d.]+ (B|KiB) · uploaded by tester on \d{4}-\d\d-\d\d$/u);
    expect(fields.some((f) => f.value.endsWith('placed by the operator'))).toBe(false); // 20 uploads fill the list
    expect(embed.footer?.text).toMatch(/^… and \d+ more$/u);
  });
});

describe('/corpus remove', () => {
  it('refuses to remove an article placed by the operator', async () => {
    const embed = embedOf(await corpus('remove', [str('article', '000_a5c1968631554abc.txt')]));
    expect(embed.description).toBe('000\\_a5c1968631554abc.txt was placed by the operator and cannot be removed from Discord; only uploads can.');
    expect(existsSync(path.join(h.corpusDir, '000_a5c1968631554abc.txt'))).toBe(true);
  });

  it('offers only uploads in autocomplete', async () => {
    const i = h.fake.autocomplete('corpus', [{ name: 'remove', type: 1, options: [{ name: 'article', type: 3, value: 'zwiebel', focused: true }] }], MOD);
    const callback = await h.fake.waitForCallback(i.id);
    expect((callback.data as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(['uploads/zwiebelkuchen.txt']);
  });

  it('asks for confirmation, then deletes the upload and reloads', async () => {
    const confirm = await corpus('remove', [str('article', 'uploads/zwiebelkuchen.txt')]);
    expect(embedOf(confirm).title).toBe('Remove uploads/zwiebelkuchen.txt?');
    expect(existsSync(path.join(uploads(), 'zwiebelkuchen.txt'))).toBe(true);
    const [button] = buttonsOf(confirm);
    expect(button).toMatchObject({ label: 'Remove', custom_id: 'd:uploads/zwiebelkuchen.txt' });

    // Not by a member who is not a moderator, even holding the button.
    const refused = h.fake.button(button?.custom_id ?? '', undefined, MEMBER);
    expect(embedOf(await h.fake.waitForCallback(refused.id)).title).toBe('Only moderators (Manage Server or a moderator role) may change the corpus.');
    expect(existsSync(path.join(uploads(), 'zwiebelkuchen.txt'))).toBe(true);

    const press = h.fake.button(button?.custom_id ?? '', undefined, MOD);
    expect((await h.fake.waitForCallback(press.id)).type).toBe(6); // deferred update
    const [edit] = await h.fake.waitForMessages(press.token, 1, { timeoutMs: 20_000 });
    expect(embedOf(edit).title).toBe('uploads/zwiebelkuchen.txt removed');
    expect(buttonsOf(edit)).toEqual([]);
    expect(existsSync(path.join(uploads(), 'zwiebelkuchen.txt'))).toBe(false);
    expect(await ask('Was isst man in Thüringen zum Federweißer?')).not.toContain('zwiebelkuchen');
    expect(h.logs.some((l) => l.msg === 'corpus: article removed')).toBe(true);

    // Pressed again (a second copy of the button): nothing left to remove.
    const again = h.fake.button(button?.custom_id ?? '', undefined, MOD);
    await h.fake.waitForCallback(again.id);
    const [second] = await h.fake.waitForMessages(again.token, 1);
    expect(embedOf(second).description).toBe('There is no uploaded article uploads/zwiebelkuchen.txt.');
  });
});

describe('/corpus for members who are not moderators', () => {
  it.each(['add', 'remove', 'list'])('refuses %s', async (subcommand) => {
    const before = uploaded();
    const reply =
      subcommand === 'add'
        ? await add({ filename: 'fremd.txt', content: 'Titel\n\nText.\n' }, { as: MEMBER })
        : await corpus(subcommand, subcommand === 'remove' ? [str('article', 'uploads/serie-1.txt')] : [], MEMBER);
    expect(embedOf(reply).title).toBe('Only moderators (Manage Server or a moderator role) may change the corpus.');
    expect(uploaded()).toEqual(before);
    expect(h.logs.some((l) => l.msg === 'corpus refused: not a moderator' && l.subcommand === subcommand)).toBe(true);
  });
});
