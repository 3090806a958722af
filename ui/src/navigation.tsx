// Where the window is: a tiny in-memory router (a desktop app has no URL bar). Any screen can
// move the window with `useNavigation().go(...)`; search results jump to a record's tab.
import { createContext, useContext } from 'react';

export type View =
  | { page: 'dashboard' }
  | { page: 'register' }
  | { page: 'new-request' }
  | { page: 'settings' }
  | { page: 'collaboration'; id: string; tab?: string; record?: string };

export interface Navigation {
  view: View;
  go: (view: View) => void;
}

export const NavigationContext = createContext<Navigation>({ view: { page: 'dashboard' }, go: () => {} });

export const useNavigation = () => useContext(NavigationContext);
