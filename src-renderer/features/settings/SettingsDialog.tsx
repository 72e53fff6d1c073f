/** Settings: interface language, theme, reading font size, line height and width, author name. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useFolio } from '../../app/store';
import { setUiLanguage } from '../../lib/i18n';

/** The settings dialog; every change is saved at once. */
export function SettingsDialog() {
  const { t, i18n } = useTranslation();
  const settings = useFolio((s) => s.settings);
  const update = useFolio((s) => s.updateSettings);
  if (!settings) return null;
  return (
    <Dialog title={t('settings.title')} onClose={() => useFolio.getState().setDialog(null)}>
      <form className="settings-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('settings.language')}
          <select
            value={settings.uiLanguage ?? i18n.language}
            onChange={(e) => {
              const lang = e.target.value as 'vi' | 'en';
              setUiLanguage(lang);
              void update({ uiLanguage: lang });
            }}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.theme')}</legend>
          {(['light', 'sepia', 'dark'] as const).map((theme) => (
            <label key={theme} className="inline">
              <input type="radio" name="theme" checked={settings.theme === theme} onChange={() => void update({ theme })} />
              {t(`settings.${theme}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('settings.fontSize')} ({settings.fontSize}px)
          <input type="range" min={12} max={40} value={settings.fontSize} onChange={(e) => void update({ fontSize: Number(e.target.value) })} />
        </label>
        <label>
          {t('settings.lineHeight')} ({settings.lineHeight.toFixed(2)})
          <input type="range" min={1.2} max={2.4} step={0.05} value={settings.lineHeight} onChange={(e) => void update({ lineHeight: Number(e.target.value) })} />
        </label>
        <label>
          {t('settings.lineWidth')} ({settings.lineWidth}ch)
          <input type="range" min={30} max={120} value={settings.lineWidth} onChange={(e) => void update({ lineWidth: Number(e.target.value) })} />
        </label>
        <label>
          {t('settings.author')}
          <input type="text" value={settings.author} onChange={(e) => void update({ author: e.target.value })} />
        </label>
      </form>
    </Dialog>
  );
}
