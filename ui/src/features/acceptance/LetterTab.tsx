// Placeholder until this screen is built; see the list of screens.
import type { TabProps } from '../collaboration/tabProps';
export function LetterTab(_: TabProps) { return null; }
