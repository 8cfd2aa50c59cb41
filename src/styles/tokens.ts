/**
 * The theme tokens every element reads, with their light and dark defaults (the fallbacks written
 * in the elements' styles). Listed here for the docs site's theming page.
 */
export interface ThemeToken {
  name: `--jre-${string}`;
  light: string;
  dark: string;
  description: string;
}

export const THEME_TOKENS: readonly ThemeToken[] = [
  { name: '--jre-color-scheme', light: 'light', dark: 'dark', description: 'Which theme the elements use (default `light dark`: the system\'s).' },
  { name: '--jre-surface', light: '#ffffff', dark: '#1f2328', description: 'Background of panels, the controls bar, notices.' },
  { name: '--jre-on-surface', light: '#1f2328', dark: '#f6f8fa', description: 'Text and icons on the surface.' },
  { name: '--jre-muted', light: '#59636e', dark: '#8c959f', description: 'Secondary text: placeholders, initials.' },
  { name: '--jre-raised', light: 'rgb(0 0 0 / 7%)', dark: 'rgb(255 255 255 / 12%)', description: 'Background of buttons on the surface.' },
  { name: '--jre-accent', light: '#2f81f7', dark: '#2f81f7', description: 'Active states: sharing, audio levels, the talking ring (unset, each keeps its own green or blue).' },
  { name: '--jre-on-accent', light: '#ffffff', dark: '#ffffff', description: 'Text and icons on the accent.' },
  { name: '--jre-danger', light: '#cf222e', dark: '#cf222e', description: 'Leave, muted toggles, recording, unread count.' },
  { name: '--jre-focus', light: '#0969da', dark: '#4493f8', description: 'The focus ring.' },
  { name: '--jre-radius', light: '8px', dark: '8px', description: 'Corner radius of tiles and notices.' },
  { name: '--jre-tooltip-color', light: '#ffffff', dark: '#ffffff', description: 'Tooltip text.' },
  { name: '--jre-tooltip-background', light: 'rgb(0 0 0 / 85%)', dark: 'rgb(0 0 0 / 85%)', description: 'Tooltip background.' },
];
