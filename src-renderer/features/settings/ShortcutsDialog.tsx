/** The keyboard shortcut help (opened with `?`): every shortcut in app/shortcuts.ts. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useFolio } from '../../app/store';
import { SHORTCUTS } from '../../app/shortcuts';

/** The pairing conventions (core/library/pairing.ts), in the same order. */
const PAIRS = ['link', 'id', 'suffixes', 'base', 'folders'] as const;

/** Lists every shortcut, then how translation pairs are recognised. */
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
      <h3>{t('shortcuts.pairsTitle')}</h3>
      <ul className="pairing-conventions">
        {PAIRS.map((k) => (
          <li key={k}>{t(`shortcuts.pairs.${k}`)}</li>
        ))}
      </ul>
    </Dialog>
  );
}
