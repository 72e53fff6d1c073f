import { expect, it } from 'vitest';
import { anchoredEditDistance, contextScores } from '../../../src-main/shared/anchoring/context-similarity';
import { collapseString, collapseWhitespace, toCollapsedOffset, toOriginalRange } from '../../../src-main/shared/anchoring/whitespace';

it('collapses whitespace runs and drops invisible characters, mapping offsets back', () => {
  const text = 'a  b\n\n\u00a0c\u00adde\u200b f';
  const v = collapseWhitespace(text);
  expect(v.collapsed).toBe('a b cde f');
  const at = v.collapsed.indexOf('cde');
  const r = toOriginalRange(v, at, at + 3);
  expect(text.slice(r.start, r.end)).toBe('c\u00adde');
  expect(toCollapsedOffset(v, text.indexOf('c'))).toBe(at);
  expect(toOriginalRange(v, 0, v.collapsed.length)).toEqual({ start: 0, end: text.length });
  expect(collapseString(' x\t\ty ')).toBe(' x y ');
});

it('scores context so that an insertion next to the quote costs only the inserted characters', () => {
  expect(anchoredEditDistance('the minister said', 'xx the minister said', true)).toBe(0);
  expect(anchoredEditDistance('the minister said', 'the minister very said', true)).toBe(5);
  expect(anchoredEditDistance('and then', 'and then more', false)).toBe(0);
  const text = 'Before words. QUOTE after words.';
  const s = text.indexOf('QUOTE');
  expect(contextScores(text, s, s + 5, 'Before words. ', ' after words.').combined).toBe(1);
  expect(contextScores(text, s, s + 5, 'zzzzzzzzzzzzzz', ' after words.').prefix).toBeLessThan(0.2);
});
