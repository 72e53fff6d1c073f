/**
 * A date (or date and time) typed in the UI language's format (dd/mm/yyyy [HH:mm] in Vietnamese,
 * yyyy-mm-dd [HH:mm] in English), not the browser's as `<input type="date">` or `datetime-local`
 * would. A value is passed on as soon as it is complete and real; a mistake is named under the
 * field once the user leaves it (or presses Enter), together with what stands meanwhile (the
 * filter still applied, the date not saved): what the user typed is never dropped, and a wrong
 * value never replaces the good one.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate, typedDateFormat, typedDateText, type TypedDate } from '../lib/typed-date';

export interface DateFieldProps {
  /** The visible label, also the field's accessible name. */
  label: string;
  /** The current value (ISO `yyyy-mm-dd`, or `yyyy-mm-ddTHH:mm` with `withTime`), or null for none. */
  value: string | null;
  /** Also read an optional 24-hour time after the day. */
  withTime?: boolean;
  /** The form field's name (for forms that find it, and for tests). */
  name?: string;
  /** Stacked (label above, full width) in forms; inline (label beside) in toolbars, the default. */
  layout?: 'inline' | 'stacked';
  /** The sentence after the mistake: what stands while the text is wrong, given the current value. */
  whileWrong(value: string | null): string;
  /** A complete, real value (or null when the field is emptied). */
  onChange(iso: string | null): void;
  /** Whether the text is a value (or empty) rather than a mistake, each time that changes: forms refuse to submit a mistake. */
  onValidity?(valid: boolean): void;
}

/** A labelled text field for a date typed in the UI language. */
export function DateField({ label, value, withTime = false, name, layout = 'inline', whileWrong, onChange, onValidity }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const format = typedDateFormat(lang, withTime);
  const [text, setText] = useState(() => typedDateText(value, lang));
  const [shownError, setShownError] = useState(false);
  const id = useId();
  const parsed = parseTypedDate(text, lang, withTime);

  // The language changed: the value in the new language's format (a half-typed text, read in the
  // old format, cannot be carried over). The value changed from outside: show it, unless the text
  // already says it or is a mistake the user is still fixing.
  const typedIn = useRef(lang);
  useEffect(() => {
    if (typedIn.current !== lang) {
      typedIn.current = lang;
      setShownError(false);
      setText(typedDateText(value, lang));
      return;
    }
    const current = parseTypedDate(text, lang, withTime);
    if (current.kind === 'date' && current.iso === value) return;
    if (current.kind === 'empty' && value === null) return;
    if (current.kind === 'invalid') return;
    setText(typedDateText(value, lang));
  }, [value, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  const valid = parsed.kind !== 'invalid';
  useEffect(() => onValidity?.(valid), [valid]); // eslint-disable-line react-hooks/exhaustive-deps

  const type = (next: string) => {
    setText(next);
    const p = parseTypedDate(next, lang, withTime);
    if (p.kind === 'invalid') return;
    setShownError(false);
    onChange(p.kind === 'date' ? p.iso : null);
  };
  const invalid = parsed.kind === 'invalid' && shownError;
  const hint = withTime ? t('meta.dateHint', { format }) : t('filters.dateHint', { format });
  const message = parsed.kind === 'invalid' ? `${mistake(parsed, text.trim(), format, t)} ${whileWrong(value)}` : '';
  // In a form, the browser's own validation refuses to submit a mistake (Save or Enter), and
  // `onInvalid` names it: the field needs no help from the form to keep a wrong date unsaved.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.setCustomValidity(message), [message]);

  return (
    <span className={`date-field ${layout}`}>
      <label className={layout === 'inline' ? 'inline' : undefined}>
        {label}
        <input
          ref={input}
          type="text"
          name={name}
          autoComplete="off"
          spellCheck={false}
          placeholder={format}
          value={text}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
          onChange={(e) => type(e.target.value)}
          onBlur={(e) => {
            // Leaving for the form's Save button: the submit names the mistake. Naming it now would
            // push Save down between the press and the release, and the click would be lost.
            const to = e.relatedTarget;
            if (to instanceof HTMLButtonElement && to.type === 'submit' && to.form !== null && to.form === e.currentTarget.form) return;
            setShownError(parsed.kind === 'invalid');
          }}
          onInvalid={(e) => {
            e.preventDefault(); // our message, under the field, instead of the browser's bubble
            setShownError(true);
            e.currentTarget.focus();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setShownError(parsed.kind === 'invalid');
          }}
        />
      </label>
      <span id={`${id}-hint`} className="visually-hidden">
        {hint}
      </span>
      {invalid && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {message}
        </span>
      )}
    </span>
  );
}

/** The sentence naming what is wrong with `text`. */
function mistake(parsed: TypedDate, text: string, format: string, t: (key: string, opts: Record<string, string>) => string): string {
  if (parsed.kind !== 'invalid') return '';
  if (parsed.reason === 'no-such-day') return t('filters.dateNoSuchDay', { text });
  if (parsed.reason === 'no-such-time') return t('meta.dateNoSuchTime', { text });
  return t('filters.dateFormat', { text, format });
}
