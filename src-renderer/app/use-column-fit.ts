/** Measures the window and the reading font, and applies fitColumns to the open article. */
import { useEffect, useMemo, useState } from 'react';
import type { Article } from '@shared/types';
import type { Settings } from '@shared/settings';
import { fitColumns, NO_CHANGE, type ColumnFit } from './fit-columns';

/** Pane width as the CSS gives it: the saved width, capped at a share of the window; plus its resizer. */
const paneWidth = (saved: number, share: number, w: number) => Math.min(saved, share * w) + 5;

/** Average character width of a sample of the article in the reading font (canvas text metrics). */
function averageCharWidth(article: Article, fontSize: number): number {
  const sample = article.versions.map((v) => v.paragraphs.slice(0, 3).map((p) => p.text).join(' ').slice(0, 400)).join(' ');
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx || !sample) return fontSize * 0.5;
  ctx.font = `${fontSize}px 'Folio Serif', Georgia, serif`;
  return ctx.measureText(sample).width / sample.length;
}

/** The column fit for the open article and settings, updated on resize and when fonts load. */
export function useColumnFit(article: Article | null, settings: Settings | null): ColumnFit {
  const [width, setWidth] = useState(() => window.innerWidth);
  const [fontsReady, setFontsReady] = useState(0);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    void document.fonts?.ready.then(() => setFontsReady((n) => n + 1));
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const fontSize = settings?.fontSize ?? 19;
  // Re-measured when the reading font has loaded (fontsReady), not on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- fontsReady: re-measure once the font is in
  const charWidth = useMemo(() => (article ? averageCharWidth(article, fontSize) : 0), [article, fontSize, fontsReady]);
  if (!article || !settings || article.versions.length < 2 || settings.viewMode !== 'side-by-side') return NO_CHANGE;
  // The CSS (app.css): reader padding and column gap are 18/24 px up to 1440 px wide, 32/48 px above.
  const narrow = width <= 1440;
  const chrome = (narrow ? 2 * 18 + 24 : 2 * 32 + 48) + 2 * 8 + 16;
  return fitColumns({
    windowWidth: width,
    library: settings.panesCollapsed.library ? null : paneWidth(settings.paneSizes.library, 0.26, width),
    annotations: settings.panesCollapsed.annotations ? null : paneWidth(settings.paneSizes.annotations, 0.28, width),
    charWidth,
    chrome,
  });
}
