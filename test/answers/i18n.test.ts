import { describe, expect, it } from 'vitest';
import { localeOf, messages } from '../../src/answers/i18n.js';

describe('localeOf', () => {
  it.each([
    ['de', 'de'],
    ['de-DE', 'de'],
    ['DE-at', 'de'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ] as const)('%s → %s', (tag, locale) => {
    expect(localeOf(tag)).toBe(locale);
  });

  it('has every message in both languages', () => {
    expect(Object.keys(messages('de')).sort()).toEqual(Object.keys(messages('en')).sort());
    expect(messages('de').moreResults).toBe('Weitere Treffer');
    expect(messages('en').moreResults).toBe('More results');
  });
});
