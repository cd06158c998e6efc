import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONCEPTS, conceptsOf } from './concepts.js';
import { FakeEmbeddings, fakeVector } from './server.js';

let fake: FakeEmbeddings;
beforeAll(async () => {
  fake = await FakeEmbeddings.start({ apiKey: 'fake-key' });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.setMode({ kind: 'ok' });
  fake.reset();
});

const post = (body: unknown, headers: Record<string, string> = { authorization: 'Bearer fake-key' }, url = `${fake.url}/embeddings`) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the fake embedding service', () => {
  it('gives a text a 1 for each concept it names, a small bag of words, and never a zero vector', () => {
    expect(conceptsOf('Die Anleger sahen, wie der Kurs abgestürzt ist')).toEqual([0, 2]);
    expect(conceptsOf('Investors, CRASHED')).toEqual([0, 2]);
    const vector = fakeVector('Die Anleger');
    expect(vector).toHaveLength(64);
    expect(vector[0]).toBe(1);
    expect(vector.slice(CONCEPTS.length).some((v) => v > 0)).toBe(true);
    expect(fakeVector('')[63]).toBe(0.01);
    expect(fakeVector('Die Anleger')).toEqual(vector);
  });

  it('serves POST /v1/embeddings in the OpenAI shape, a string input too, and records what it got', async () => {
    const response = await post({ model: 'm', input: 'Die Anleger' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: { index: number; embedding: number[] }[]; model: string };
    expect(body).toMatchObject({ object: 'list', model: 'm', data: [{ object: 'embedding', index: 0 }] });
    expect(body.data[0]?.embedding).toEqual(fakeVector('Die Anleger'));
    expect([fake.requests, fake.inputs, fake.models, fake.authorizations]).toEqual([1, ['Die Anleger'], ['m'], ['Bearer fake-key']]);
  });

  it('refuses other paths, bodies that are not JSON, inputs that are not text, and a wrong key', async () => {
    expect((await post({ input: ['x'] }, undefined, `${fake.url}/chat/completions`)).status).toBe(404);
    expect((await post('not json')).status).toBe(400);
    expect((await post({ input: [1, 2] })).status).toBe(400);
    const refused = await post({ input: ['x'] }, { authorization: 'Bearer wrong' });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('Incorrect API key provided: wrong.');
  });

  it('fails as told: after some normal answers, for some requests, then normally again', async () => {
    fake.setMode({ kind: 'status', status: 429 }, { after: 1, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post({ input: ['x'] })).status);
    expect(statuses).toEqual([200, 429, 429, 200]);
  });

  it('goes down and comes back on the same port', async () => {
    await fake.down();
    await expect(post({ input: ['x'] })).rejects.toThrow();
    await fake.up();
    expect((await post({ input: ['x'] })).status).toBe(200);
  });
});
