/** Keyboard shortcuts against the real store (transport faked): list order, fields, panes, views, undo. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/settings';
import type { ArticleSummary, Lang } from '@shared/types';
import * as fake from '../support/fake-api';

vi.mock('../../../src-renderer/lib/api', () => import('../support/fake-api'));
const { useFolio } = await import('../../../src-renderer/app/store');
const { handleShortcut } = await import('../../../src-renderer/app/shortcuts');

const summary = (id: string, langs: Lang[], date: string): ArticleSummary => ({ id, title: id, date, source: null, author: null, langs, tags: [], path: id, annotationCount: 0, lastReadAt: null });
const press = (key: string, opts: KeyboardEventInit = {}, target: EventTarget = document.body) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...opts });
  Object.defineProperty(e, 'target', { value: target });
  return handleShortcut(e, () => undefined);
};

beforeEach(() => {
  fake.reset();
  fake.autoReplies.set('updateSettings', () => useFolio.getState().settings);
  fake.autoReplies.set('getArticle', (req) => {
    const id = (req as { id: string }).id;
    return { id, versions: [{ fileId: id, lang: 'vi', path: id, format: 'md', encoding: 'utf-8', title: id, date: null, author: null, source: null, tags: [], captions: [], paragraphs: [{ index: 0, kind: 'paragraph', text: 'Một câu.' }], size: 1, mtimeMs: 1, contentHash: id }] };
  });
  fake.autoReplies.set('listAnnotations', () => []);
  useFolio.setState({
    settings: defaultSettings(),
    articles: [summary('pair', ['vi', 'en'], '2024-03-02'), summary('vi-only', ['vi'], '2023-05-12'), summary('en-only', ['en'], '2022-11-20')],
    selectedId: 'pair',
    filter: { lang: null, tag: null },
    query: '',
    hits: null,
    dialog: null,
    toast: null,
  });
});

describe('shortcuts', () => {
  it('j/k follow the list as filtered', () => {
    expect(press('j')).toBe(true);
    expect(useFolio.getState().selectedId).toBe('vi-only');
    useFolio.setState({ selectedId: 'pair', filter: { lang: 'en', tag: null } });
    press('j');
    expect(useFolio.getState().selectedId).toBe('en-only');
    press('k');
    expect(useFolio.getState().selectedId).toBe('pair');
  });

  it('leave keys typed in a field alone, and do nothing while a dialog is open', () => {
    const input = document.createElement('input');
    expect(press('j', {}, input)).toBe(false);
    useFolio.setState({ dialog: 'settings' });
    expect(press('j')).toBe(false);
    expect(useFolio.getState().selectedId).toBe('pair');
  });

  it('[ and ] hide and show the panes; v/e/b/i switch the view', () => {
    press('[');
    expect(useFolio.getState().settings?.panesCollapsed).toEqual({ library: true, annotations: false });
    press(']');
    press('[');
    expect(useFolio.getState().settings?.panesCollapsed).toEqual({ library: false, annotations: true });
    for (const [key, mode] of [['i', 'interleaved'], ['e', 'en'], ['v', 'vi'], ['b', 'side-by-side']] as const) {
      press(key);
      expect(useFolio.getState().settings?.viewMode).toBe(mode);
    }
  });

  it('] shows an annotations pane the narrow layout hid, instead of hiding it for good', () => {
    useFolio.setState({ fitHides: { library: false, annotations: true }, showPanesAnyway: false });
    press(']');
    expect(useFolio.getState().showPanesAnyway).toBe(true);
    expect(useFolio.getState().settings?.panesCollapsed.annotations).toBe(false);
    useFolio.setState({ fitHides: { library: false, annotations: false }, showPanesAnyway: false });
  });

  it('leaves arrow keys to the widget that owns them (the article list)', () => {
    const list = document.createElement('ul');
    list.setAttribute('role', 'listbox');
    const item = document.createElement('li');
    list.append(item);
    document.body.append(list);
    expect(press('ArrowDown', {}, item)).toBe(false);
    list.remove();
  });

  it('Ctrl+Z undoes, Ctrl+Shift+Z redoes, and either one retires an Undo toast', async () => {
    useFolio.setState({ toast: { message: 'deleted', action: { label: 'Undo', run: () => undefined, annotationId: 'b' } } });
    press('z', { ctrlKey: true });
    expect(useFolio.getState().toast).toBeNull();
    expect(fake.next('undo').req).toEqual({});
    press('Z', { ctrlKey: true, shiftKey: true });
    expect(fake.next('redo').req).toEqual({});
  });
});
