// Placeholder until this screen is built; see the list of screens.
import type { TabProps } from '../collaboration/tabProps';
export function ChangesTab(_: TabProps) { return null; }
