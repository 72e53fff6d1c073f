/** User settings: what the renderer persists through the API (theme, fonts, panes, positions). */
import { z } from 'zod';

export const THEMES = ['light', 'sepia', 'dark'] as const;
export const VIEW_MODES = ['vi', 'en', 'side-by-side', 'interleaved'] as const;

export const SettingsSchema = z.object({
  uiLanguage: z.enum(['vi', 'en']).nullable().default(null),
  theme: z.enum(THEMES).default('light'),
  fontSize: z.number().min(12).max(40).default(19),
  lineHeight: z.number().min(1.2).max(2.4).default(1.65),
  lineWidth: z.number().min(30).max(120).default(68),
  viewMode: z.enum(VIEW_MODES).default('side-by-side'),
  paneSizes: z
    .object({ library: z.number().min(160).max(700), annotations: z.number().min(200).max(700) })
    .default({ library: 300, annotations: 320 }),
  panesCollapsed: z.object({ library: z.boolean(), annotations: z.boolean() }).default({ library: false, annotations: false }),
  sort: z.enum(['date', 'title', 'recent']).default('date'),
  /** Last reading position per article id: paragraph index at the top of the view. */
  positions: z.record(z.string().max(200), z.number().int().min(0)).default({}),
  /** Last time each article was opened (ms since epoch). */
  lastRead: z.record(z.string().max(200), z.number()).default({}),
  author: z.string().max(200).default(''),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    uiLanguage: z.enum(['vi', 'en']).nullable().optional(),
    theme: z.enum(THEMES).optional(),
    fontSize: z.number().min(12).max(40).optional(),
    lineHeight: z.number().min(1.2).max(2.4).optional(),
    lineWidth: z.number().min(30).max(120).optional(),
    viewMode: z.enum(VIEW_MODES).optional(),
    paneSizes: z.object({ library: z.number().min(160).max(700), annotations: z.number().min(200).max(700) }).optional(),
    panesCollapsed: z.object({ library: z.boolean(), annotations: z.boolean() }).optional(),
    sort: z.enum(['date', 'title', 'recent']).optional(),
    /** Sets one article's reading position and marks it read now. */
    position: z.object({ id: z.string().min(1).max(200), paragraph: z.number().int().min(0) }).optional(),
    author: z.string().max(200).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** The defaults, as a first start sees them. */
export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
