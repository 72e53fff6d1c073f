/** Debounced autosave of an editable value; flushes on unmount so nothing typed is lost. */
import { useEffect, useRef, useState } from 'react';

/** Delay after the last keystroke before saving. */
export const AUTOSAVE_MS = 500;

/** Tracks a draft of `value` and calls `save` after typing pauses; returns the draft and a setter. */
export function useAutosave(value: string, save: (v: string) => Promise<void>): { draft: string; setDraft(v: string): void; saving: boolean; flush(): void } {
  const [draft, setDraftState] = useState(value);
  const [saving, setSaving] = useState(false);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const v = pending.current;
    pending.current = null;
    if (v === null) return;
    setSaving(true);
    void saveRef.current(v).finally(() => setSaving(false));
  };

  useEffect(() => {
    if (pending.current === null) setDraftState(value);
  }, [value]);
  useEffect(() => flush, []);

  return {
    draft,
    saving,
    /** Saves the pending draft now, without waiting for the typing to pause. */
    flush,
    setDraft(v: string) {
      setDraftState(v);
      pending.current = v;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_MS);
    },
  };
}
