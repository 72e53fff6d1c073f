/** A hit found through a note shows the note as the user reads it: no Markdown, the match marked. */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchIndex } from '../../../src-main/core/search/index';
import { extrasOf } from '../../../src-main/core/article-annotations';
import { notePlainTextFor } from '../../../src-main/core/note-plain-text';
import type { Annotation } from '../../../src-main/shared/types';
import { makeArticle } from '../../fixtures/search/articles';

const note = (id: string, text: string): Annotation => ({
  id,
  articleId: 'a1',
  lang: 'vi',
  kind: 'note',
  target: null,
  color: 'yellow',
  note: text,
  tags: [],
  created: '2024-05-01T00:00:00Z',
  updated: '2024-05-01T00:00:00Z',
});

describe('snippets of notes', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await SearchIndex.open({ dataDir: mkdtempSync(join(tmpdir(), 'folio-note-snippets-')), fingerprint: 'n', workers: 0 });
    const notes = [note('n1', '**Ý chính**: xem [báo cáo thủy văn](https://example.org/bao-cao_(2024)) và `mã` > 4.\n\n- hỏi lại\n- ghi *thêm*')];
    const extras = extrasOf(notes, await notePlainTextFor(() => notes.map((n) => n.note)));
    await index.reconcile([makeArticle('a1', { title: 'Ghi chép', paragraphs: ['Buổi sáng bên hồ.'] })], (id) => (id === 'a1' ? extras : undefined));
  });

  it('shows the note as plain text with the same words and the match marked', () => {
    const snippet = index.search('thủy văn')[0]?.snippets.find((s) => s.via === 'note');
    expect(snippet?.text).toBe('Ý chính: xem báo cáo thủy văn và mã > 4.\nhỏi lại\nghi thêm');
    expect(snippet?.ranges.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['thủy', 'văn']);
  });

  it('still finds the note by a word of a link target', () => {
    expect(index.search('example')[0]?.id).toBe('a1');
  });
});
