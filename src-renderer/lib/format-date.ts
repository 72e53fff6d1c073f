/**
 * The one date formatter, shared with the PDF export (which prints article dates the way the app
 * shows them): see `@shared/format-date`.
 */
export { formatDate } from '@shared/format-date';
