/** The "skipped files" list: each file the scan could not read, with its reason. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useFolio } from '../../app/store';

/** Stable empty list: a selector returning a fresh [] would re-render forever. */
const NONE: never[] = [];

/** Shows the last scan's skipped files. */
export function SkippedDialog() {
  const { t } = useTranslation();
  const skipped = useFolio((s) => s.status?.skipped ?? NONE);
  return (
    <Dialog title={t('skip.title')} onClose={() => useFolio.getState().setDialog(null)}>
      <ul className="skipped-list">
        {skipped.map((s) => (
          <li key={s.path}>
            <code>{s.path}</code> — {t(`skip.${s.reason}`)}
            <span className="hint"> ({s.message})</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
