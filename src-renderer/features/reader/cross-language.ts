/** Cross-language highlights for the reader: the shared computation (also used by the exports). */
export { pairAlignment, counterpartOf, type Counterpart } from '@shared/align/counterpart';
