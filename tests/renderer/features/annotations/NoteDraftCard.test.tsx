/**
 * A new article note whose article's file goes while it is being written (QA): the first
 * keystroke creates the note at once, and a refresh refused because the article is gone neither
 * loses the note's id nor stops the saves that follow.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { act } from 'react';
import type { Article } from '@shared/types';

vi.mock('../../../../src-renderer/lib/api', () => import('../../support/fake-api'));
const fake = await import('../../support/fake-api');
const { NoteDraftCard } = await import('../../../../src-renderer/features/annotations/NoteDraftCard');
const { NEW_NOTE, useFolio } = await import('../../../../src-renderer/app/store');
const { AUTOSAVE_MS } = await import('../../../../src-renderer/features/annotations/use-autosave');

const kite: Article = {
  id: 'dieu',
  versions: [{ fileId: 'dieu', lang: 'vi', path: 'dieu.md', format: 'md', encoding: 'utf-8', title: 'Thả diều', date: null, author: null, source: null, tags: [], captions: [], paragraphs: [{ index: 0, kind: 'paragraph', text: 'Chiều hè thả diều.' }], size: 1, mtimeMs: 1, contentHash: 'h' }],
};

afterEach(() => {
  cleanup();
  fake.reset();
  vi.useRealTimers();
});

describe('NoteDraftCard', () => {
  it('creates the note on the first keystroke and keeps saving after the article is refused', async () => {
    vi.useFakeTimers();
    useFolio.setState({ article: kite, selectedId: 'dieu', annotations: [], editingId: NEW_NOTE, draftNoteId: null, toast: null });
    const { container } = render(<NoteDraftCard articleId="dieu" lang="vi" />);
    const box = container.querySelector('textarea')!;
    fireEvent.change(box, { target: { value: 'L' } });
    await act(async () => fake.settle());
    // No autosave delay for the first keystroke: the note is created now.
    const create = fake.next('createNote');
    expect(create.req).toMatchObject({ articleId: 'dieu', note: 'L' });
    create.resolve({ id: 'n1', articleId: 'dieu', lang: 'vi', kind: 'note', target: null, color: 'yellow', note: 'L', tags: [], created: 'x', updated: 'x', orphaned: false });
    await act(async () => fake.settle());
    // The file went meanwhile: the refresh after the creation is refused.
    fake.next('listAnnotations').reject('article-not-found');
    await act(async () => fake.settle());
    fireEvent.change(box, { target: { value: 'Làm diều' } });
    await act(async () => {
      vi.advanceTimersByTime(AUTOSAVE_MS + 10);
      await fake.settle();
    });
    // An update of the note created, never a second creation.
    const update = fake.next('updateAnnotation');
    expect(update.req).toEqual({ id: 'n1', note: 'Làm diều' });
    expect(fake.calls.filter((c) => c.method === 'createNote')).toEqual([]);
  });
});
