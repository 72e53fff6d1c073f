/** Errors of the PDF export: FolioErrors with a stable code the UI translates. */
import { FolioError } from '../../../shared/result';

/** The export's failure kinds, and the shared error code each one carries. */
const CODES = {
  PDF_FONTS_MISSING: 'pdf-fonts-missing',
  PDF_BAD_OPTIONS: 'pdf-bad-options',
  PDF_NOTHING_TO_EXPORT: 'pdf-nothing-to-export',
} as const;
export type PdfExportErrorCode = keyof typeof CODES;

/** The failure kind of a shared error code, or null when the code is not the export's. */
export function pdfErrorKind(code: string): PdfExportErrorCode | null {
  const entry = Object.entries(CODES).find(([, c]) => c === code);
  return entry ? (entry[0] as PdfExportErrorCode) : null;
}

/** An export failure; `message` is English, `code` (kebab-case, as every Folio code) is for the UI. */
export class PdfExportError extends FolioError {
  constructor(kind: PdfExportErrorCode, message: string) {
    super(CODES[kind], message);
    this.name = 'PdfExportError';
  }
}
