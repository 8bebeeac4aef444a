import { createContext } from '@lit/context';

export type Theme = 'auto' | 'light' | 'dark';

/** What a `<civic-config>` provides to every widget inside it. */
export interface CivicConfig {
  apiBase?: string;
  lang?: string;
  ags?: string;
  theme?: Theme;
}

export const configContext = createContext<CivicConfig>(Symbol.for('civic-elements/config'));
