/**
 * Asks before adopting an annotations.json copied in from another library: until the user
 * merges it (by annotation id, keeping the copied bytes aside) or moves it away, Folio shows this
 * library's own annotations and saves nothing new (the store refuses with 'foreign-store').
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFolio } from '../../app/store';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';

export interface ForeignStoreNoticeProps {
  /** How many annotations the other library's file holds. */
  annotations: number;
}

/** A banner with "Merge" and "Not now"; hidden once either is chosen. */
export function ForeignStoreNotice({ annotations }: ForeignStoreNoticeProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<'asking' | 'merging' | 'done'>('asking');
  if (state === 'done') return null;
  const merge = async (): Promise<void> => {
    setState('merging');
    try {
      const r = await api('mergeForeignAnnotations', {});
      setState('done');
      const s = useFolio.getState();
      s.showToast(t('foreign.merged', { count: r.added + r.updated }));
      await s.loadLibrary();
      await s.refreshAnnotations();
    } catch (err) {
      setState('asking');
      useFolio.getState().showToast(errorMessage(err));
    }
  };
  return (
    <div className="foreign-notice" role="alert">
      <span>{t('foreign.found', { count: annotations })}</span>
      <button type="button" disabled={state === 'merging'} onClick={() => void merge()}>
        {t('foreign.merge')}
      </button>
      <button type="button" className="link-button" onClick={() => setState('done')}>
        {t('foreign.later')}
      </button>
    </div>
  );
}
