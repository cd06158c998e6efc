import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../src/answers/ask.js';
import { Conversations } from '../../src/answers/conversations.js';

describe('Conversations', () => {
  it('remembers what was asked in a thread, in order, and nothing elsewhere', () => {
    const conversations = new Conversations();
    conversations.remember('t1', 'Wer ist Du Xuliang?');
    conversations.remember('t1', 'Und was hat er angekündigt?');
    expect(conversations.earlier('t1')).toBe('Wer ist Du Xuliang? Und was hat er angekündigt?');
    expect(conversations.earlier('t2')).toBeUndefined();
  });

  it('keeps the newest words of a long thread, and forgets the least recent threads', () => {
    const conversations = new Conversations(2);
    for (let i = 0; i < 40; i++) conversations.remember('long', `Frage Nummer ${i} zur Nvidia-Aktie?`);
    const kept = conversations.earlier('long') ?? '';
    expect(kept.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    // Cut at a word, never inside one.
    expect(kept.split(' ')[0]).toMatch(/^(?:Frage|Nummer|\d+|zur|Nvidia-Aktie\?)$/u);
    expect(kept.endsWith('Frage Nummer 39 zur Nvidia-Aktie?')).toBe(true);
    conversations.remember('b', 'b?');
    conversations.remember('c', 'c?');
    expect(conversations.earlier('long')).toBeUndefined();
    expect(conversations.earlier('c')).toBe('c?');
  });
});
