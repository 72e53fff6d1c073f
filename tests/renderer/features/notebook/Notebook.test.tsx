/**
 * The notebook shows each note as the annotations pane does: its Markdown rendered (bold,
 * italic), not the raw asterisks and underscores the user typed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { act } from 'react';
import type { Annotation, ArticleSummary } from '@shared/types';

vi.mock('../../../../src-renderer/lib/api', () => import('../../support/fake-api'));
const fake = await import('../../support/fake-api');
const { Notebook } = await import('../../../../src-renderer/features/notebook/Notebook');
const { useFolio } = await import('../../../../src-renderer/app/store');
const { default: i18n } = await import('../../../../src-renderer/lib/i18n');

const note: Annotation = {
  id: 'a1',
  articleId: 'tra-sen',
  lang: 'vi',
  kind: 'highlight',
  target: { quote: { type: 'TextQuoteSelector', exact: 'Trà sen', prefix: '', suffix: ' là' }, position: { type: 'TextPositionSelector', start: 0, end: 7 }, paragraph: 0 },
  color: 'yellow',
  note: '**Đậm** và _nghiêng_ ở đây',
  tags: [],
  created: '2026-11-30T01:00:00.000Z',
  updated: '2026-11-30T01:00:00.000Z',
};

afterEach(() => {
  cleanup();
  fake.reset();
});

describe('Notebook', () => {
  it('renders a note’s Markdown instead of showing its raw markup', async () => {
    fake.autoReplies.set('searchAnnotations', () => [note]);
    const { container } = render(<Notebook />);
    await act(async () => fake.settle());
    const shown = container.querySelector('.notebook-note');
    expect(shown).not.toBeNull();
    expect(shown!.querySelector('strong')?.textContent).toBe('Đậm');
    expect(shown!.querySelector('em')?.textContent).toBe('nghiêng');
    expect(shown!.textContent).toBe('Đậm và nghiêng ở đây');
  });

  it('offers only the articles that have annotations in its article filter', async () => {
    const summary = (id: string, title: string): ArticleSummary => ({ id, title, date: null, source: null, author: null, langs: ['vi'], tags: [], path: `${id}.md`, annotationCount: 0, lastReadAt: null });
    useFolio.setState({ articles: [summary('tra-sen', 'Trà sen Tây Hồ'), summary('ben-do', 'Bến đò chiều'), summary('cho-phien', 'Phiên chợ sớm')] });
    fake.autoReplies.set('searchAnnotations', () => [note]);
    const { getByLabelText } = render(<Notebook />);
    await act(async () => fake.settle());
    const options = [...(getByLabelText(i18n.t('notebook.article'), { selector: 'select' }) as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['', 'tra-sen']);
  });
});

describe('Notebook date range', () => {
  it('says so when the “from” date is after the “to” date', async () => {
    await act(() => i18n.changeLanguage('vi'));
    fake.autoReplies.set('searchAnnotations', () => [note]);
    const { getByLabelText, queryByRole, getByRole } = render(<Notebook />);
    await act(async () => fake.settle());
    fireEvent.change(getByLabelText(i18n.t('notebook.from')), { target: { value: '02/01/2024' } });
    fireEvent.change(getByLabelText(i18n.t('notebook.to')), { target: { value: '02/01/2024' } });
    expect(queryByRole('alert')).toBeNull();
    fireEvent.change(getByLabelText(i18n.t('notebook.to')), { target: { value: '01/01/2024' } });
    expect(getByRole('alert').textContent).toBe('Ngày bắt đầu sau ngày kết thúc: không có gì khớp.');
  });
});
