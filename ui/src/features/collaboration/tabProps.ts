import type { Dossier } from '../../bindings';

/** What every tab of the collaboration page receives: the whole dossier, and the record a search
 * result or an attention item points at (to scroll to and highlight). */
export interface TabProps {
  dossier: Dossier;
  record?: string;
}
