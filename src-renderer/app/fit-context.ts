/** The column fit of the current window and article (app/fit-columns.ts), computed once in App. */
import { createContext, useContext } from 'react';
import { useFolio } from './store';
import { NO_CHANGE, type ColumnFit } from './fit-columns';

export const FitContext = createContext<ColumnFit>(NO_CHANGE);

/** The fit in effect: none once the user asked to see the panes anyway. */
export function useFit(): ColumnFit {
  const fit = useContext(FitContext);
  const anyway = useFolio((s) => s.showPanesAnyway);
  return anyway ? NO_CHANGE : fit;
}
