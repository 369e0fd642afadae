import { describe, expect, it } from '@jest/globals';
import { findUnstorableText } from './unstorable-text.js';

describe(findUnstorableText.name, () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD800b'],
    ['a lone low surrogate', 'a\uDC00b'],
    ['a high surrogate at the end', 'ab\uD83D'],
    ['two high surrogates', '\uD83D\uD83D\uDE00'],
  ])('finds %s', (_case, text) => {
    expect(findUnstorableText(text, 'title')).toBe('title');
  });

  it.each([
    ['plain text', 'Mail down'],
    ['an emoji (a surrogate pair)', 'on fire \uD83D\uDD25'],
    ['other control characters', 'tab\tbell\u0007'],
    ['a number', 7],
    ['null', null],
  ])('passes %s', (_case, value) => {
    expect(findUnstorableText(value, 'title')).toBeUndefined();
  });

  it('names the field in nested objects and lists', () => {
    expect(findUnstorableText({ filter: { text: 'ok', assignee: 'a\u0000' } })).toBe('filter.assignee');
    expect(findUnstorableText({ tags: ['ok', '\uDFFF'] })).toBe('tags.1');
    expect(findUnstorableText({ title: 'ok', impact: 1 })).toBeUndefined();
  });
});
