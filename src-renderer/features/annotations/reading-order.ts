/** Orders annotations for the side panel (pure): article notes, highlights in reading order, orphans last. */
import type { AnchoredAnnotation, Lang } from '@shared/types';

export interface PanelGroups {
  notes: AnchoredAnnotation[];
  highlights: AnchoredAnnotation[];
  orphaned: AnchoredAnnotation[];
}

/** Splits and sorts: highlights by language (in `langOrder`) then position; notes and orphans by creation. */
export function groupForPanel(annotations: AnchoredAnnotation[], langOrder: Lang[]): PanelGroups {
  const rank = (l: Lang) => {
    const i = langOrder.indexOf(l);
    return i < 0 ? langOrder.length : i;
  };
  const notes = annotations.filter((a) => a.kind === 'note').sort((a, b) => a.created.localeCompare(b.created));
  const highlights = annotations
    .filter((a) => a.kind === 'highlight' && !a.orphaned && a.target)
    .sort((a, b) => rank(a.lang) - rank(b.lang) || (a.target?.position.start ?? 0) - (b.target?.position.start ?? 0));
  const orphaned = annotations.filter((a) => a.kind === 'highlight' && (a.orphaned || !a.target)).sort((a, b) => a.created.localeCompare(b.created));
  return { notes, highlights, orphaned };
}
