import { describe, expect, it } from 'vitest';
import { bylineText } from '../../../src/search/present/byline.js';

describe('bylineText', () => {
  it('joins title, author and date', () => {
    const article = { file: 'a.txt', title: 'Titel', titleDerived: false, byline: 'Pepe Escobar', date: '14. November 2025', paragraphs: [] };
    expect(bylineText(article)).toBe('Titel — Pepe Escobar · 14. November 2025');
    expect(bylineText({ ...article, byline: undefined, date: undefined })).toBe('Titel');
  });
});
