/** The keyboard shortcut help (opened with `?`): every shortcut in app/shortcuts.ts. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useFolio } from '../../app/store';
import { SHORTCUTS } from '../../app/shortcuts';

/** Lists every shortcut. */
export function ShortcutsDialog() {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')} onClose={() => useFolio.getState().setDialog(null)}>
      <dl className="shortcuts">
        {SHORTCUTS.map(({ keys, label }) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
