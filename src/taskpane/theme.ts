import type { Theme } from './components/app';

/** Dark when Office's body background (Office.context.officeTheme.bodyBackgroundColor) is dark. */
export function themeOf(background: string | undefined): Theme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(background ?? '')?.[1];
  if (!hex) return 'light';
  const n = parseInt(hex, 16);
  const luminance = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return luminance < 0.5 ? 'dark' : 'light';
}
