// Placeholder until this screen is built; see the list of screens.
import type { TabProps } from './tabProps';
export function StageActions(_: TabProps) { return null; }
