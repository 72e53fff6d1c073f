/**
 * A date filter typed in the UI language's format (dd/mm/yyyy in Vietnamese, yyyy-mm-dd in
 * English), not the browser's as `<input type="date">` would. A day is applied as soon as it is
 * complete and real; a mistake is named under the field once the user leaves it (or presses
 * Enter), and the date applied before stays applied and is named too: a filter never drops
 * silently.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format-date';
import { parseTypedDate, typedDateFormat, typedDateText } from '../../lib/typed-date';

export interface DateFieldProps {
  /** The visible label, also the field's accessible name. */
  label: string;
  /** The applied day (ISO `yyyy-mm-dd`), or null for none. */
  value: string | null;
  /** Which end of a range: names the kept date in the error message. */
  end: 'from' | 'to';
  onChange(iso: string | null): void;
}

/** A labelled text field for one end of a date range. */
export function DateField({ label, value, end, onChange }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const format = typedDateFormat(lang);
  const [text, setText] = useState(() => typedDateText(value, lang));
  const [shownError, setShownError] = useState(false);
  const id = useId();
  const parsed = parseTypedDate(text, lang);

  // The language changed: the applied day in the new language's format (a half-typed text, read
  // in the old format, cannot be carried over). The applied day changed from outside: show it,
  // unless the text already says it or is a mistake the user is still fixing.
  const typedIn = useRef(lang);
  useEffect(() => {
    if (typedIn.current !== lang) {
      typedIn.current = lang;
      setShownError(false);
      setText(typedDateText(value, lang));
      return;
    }
    const current = parseTypedDate(text, lang);
    if (current.kind === 'date' && current.iso === value) return;
    if (current.kind === 'empty' && value === null) return;
    if (current.kind === 'invalid') return;
    setText(typedDateText(value, lang));
  }, [value, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const type = (next: string) => {
    setText(next);
    const p = parseTypedDate(next, lang);
    if (p.kind === 'invalid') return;
    setShownError(false);
    onChange(p.kind === 'date' ? p.iso : null);
  };
  const invalid = parsed.kind === 'invalid' && shownError;
  const message =
    parsed.kind !== 'invalid'
      ? ''
      : `${parsed.reason === 'no-such-day' ? t('filters.dateNoSuchDay', { text: text.trim() }) : t('filters.dateFormat', { text: text.trim(), format })} ${
          value ? t(end === 'from' ? 'filters.dateKept' : 'filters.dateKeptTo', { date: formatDate(value, lang) }) : t('filters.dateNotApplied')
        }`;

  return (
    <span className="date-field">
      <label className="inline">
        {label}
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={format}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
          onChange={(e) => type(e.target.value)}
          onBlur={() => setShownError(parsed.kind === 'invalid')}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setShownError(parsed.kind === 'invalid');
          }}
        />
      </label>
      <span id={`${id}-hint`} className="visually-hidden">
        {t('filters.dateHint', { format })}
      </span>
      {invalid && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}
