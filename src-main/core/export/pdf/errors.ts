/** Errors of the PDF export: FolioErrors with a stable code the UI translates. */
import { FolioError } from '../../../shared/result';

/** The export's failure kinds, and the shared error code each one carries. */
const CODES = {
  PDF_FONTS_MISSING: 'pdf-fonts-missing',
  PDF_BAD_OPTIONS: 'pdf-bad-options',
  PDF_NOTHING_TO_EXPORT: 'pdf-nothing-to-export',
} as const;
export type PdfExportErrorCode = keyof typeof CODES;

/** An export failure; `message` is English, `code` (kebab-case, as every Folio code) is for the UI. */
export class PdfExportError extends FolioError {
  constructor(kind: PdfExportErrorCode, message: string) {
    super(CODES[kind], message);
    this.name = 'PdfExportError';
  }
}
