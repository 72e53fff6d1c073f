/**
 * The note textarea shared by an annotation card and a new article note: grows with its lines
 * (3–12 rows), and Escape or Ctrl/⌘+Enter ends editing. Keys stay inside it, so the reader's
 * single-letter shortcuts never fire while the user types.
 */
import { useTranslation } from 'react-i18next';

export interface NoteEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onDone: () => void;
}

export function NoteEditor({ label, value, onChange, onDone }: NoteEditorProps) {
  const { t } = useTranslation();
  return (
    <textarea
      className="note-editor"
      aria-label={label}
      placeholder={t('annotations.notePlaceholder')}
      value={value}
      autoFocus
      rows={Math.min(12, Math.max(3, value.split('\n').length + 1))}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.metaKey || e.ctrlKey))) onDone();
        e.stopPropagation();
      }}
    />
  );
}
