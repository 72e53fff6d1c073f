/** One paragraph with its highlight and search-match segments rendered inline. */
import { memo } from 'react';
import type { Paragraph, Range as TextRange } from '@shared/types';
import { segmentParagraph, type PlacedHighlight } from './segments';

export interface ParagraphViewProps {
  paragraph: Paragraph;
  /** Start of this paragraph in the version's normalised text. */
  start: number;
  highlights: PlacedHighlight[];
  /** Ids of highlights that carry a note (a marker is drawn where they end). */
  withNotes: ReadonlySet<string>;
  focusedId: string | null;
  marks?: TextRange[];
  /** The keyboard's current paragraph (↑/↓): outlined, and what `h`/`n` act on. */
  current?: boolean;
}

const TAG = { paragraph: 'p', heading: 'h3', caption: 'p', quote: 'blockquote', 'list-item': 'p', preformatted: 'pre' } as const;

/** A paragraph element with `data-paragraph` (the anchoring code relies on it). */
export const ParagraphView = memo(function ParagraphView({ paragraph, start, highlights, withNotes, focusedId, marks, current }: ParagraphViewProps) {
  const Tag = TAG[paragraph.kind];
  const segments = segmentParagraph(paragraph.text, start, highlights, marks ?? []);
  return (
    // dir="auto": a paragraph written in Arabic or Hebrew reads right to left (as in the PDF export)
    // instead of taking the page's left-to-right order, which misplaces its punctuation.
    <Tag dir="auto" className={`para kind-${paragraph.kind}${current ? ' kbd-current' : ''}`} data-paragraph={paragraph.index} aria-current={current ? 'location' : undefined}>
      {segments.map((s) => {
        const noteMarkers = s.endIds.filter((id) => withNotes.has(id));
        const content = s.highlightIds.length ? (
          <mark
            // An echo (the other language's highlight) is not a highlight of this text: its own class.
            className={`${s.echo ? 'hl-echo' : 'hl'} color-${s.color}${s.highlightIds.length > 1 && !s.echo ? ' overlap' : ''}${focusedId && s.highlightIds.includes(focusedId) ? ' focused' : ''}${s.match ? ' search-match' : ''}`}
            data-highlight-ids={s.highlightIds.join(' ')}
          >
            {s.text}
          </mark>
        ) : s.match ? (
          <mark className="search-match">{s.text}</mark>
        ) : (
          s.text
        );
        return (
          <span key={s.start} className="seg">
            {content}
            {noteMarkers.map((id) => (
              <sup key={id} className="note-marker" data-folio-ignore="" data-highlight-ids={id} aria-hidden="true">
                ✎
              </sup>
            ))}
          </span>
        );
      })}
    </Tag>
  );
});
