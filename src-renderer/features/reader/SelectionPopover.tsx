/** The small popover over a text selection: five colours, add note, copy. */
import { useTranslation } from 'react-i18next';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@shared/types';
import type { ReaderSelection } from './reader-selection';

export interface SelectionPopoverProps {
  selection: ReaderSelection;
  onHighlight(color: HighlightColor, withNote: boolean): void;
  onCopy(): void;
}

/** Positioned above the end of the selection (fixed coordinates from its client rect). */
export function SelectionPopover({ selection, onHighlight, onCopy }: SelectionPopoverProps) {
  const { t } = useTranslation();
  const rect = selection.rect;
  const top = Math.max(8, (rect?.top ?? 80) - 48);
  const left = Math.min(window.innerWidth - 300, Math.max(8, (rect?.right ?? 200) - 120));
  return (
    <div
      className="selection-popover"
      role="toolbar"
      aria-label={t('popover.highlight')}
      ref={(el) => {
        if (el) {
          el.style.top = `${top}px`;
          el.style.left = `${left}px`;
        }
      }}
      onMouseDown={(e) => e.preventDefault()}
    >
      {HIGHLIGHT_COLORS.map((c) => (
        <button key={c} type="button" className={`swatch-button color-${c}`} aria-label={t('popover.color', { color: t(`colors.${c}`) })} title={t('popover.color', { color: t(`colors.${c}`) })} onClick={() => onHighlight(c, false)} />
      ))}
      <button type="button" className="popover-text" onClick={() => onHighlight('yellow', true)}>
        {t('popover.addNote')}
      </button>
      <button type="button" className="popover-text" onClick={onCopy}>
        {t('popover.copy')}
      </button>
    </div>
  );
}
