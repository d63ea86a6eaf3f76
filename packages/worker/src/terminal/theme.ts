/** Colours of the terminal screen; the page CSS uses the same background. */
import type { ITheme } from '@xterm/xterm'

export const THEME: ITheme = {
  background: '#0f1419',
  foreground: '#d8dee9',
  cursor: '#d8dee9',
  selectionBackground: '#3b4b5e',
  black: '#1b2128',
  red: '#f07178',
  green: '#a6cc70',
  yellow: '#ffcc66',
  blue: '#6cb6ff',
  magenta: '#d2a6ff',
  cyan: '#95e6cb',
  white: '#c7ccd1',
  brightBlack: '#5c6773',
  brightRed: '#ff8f8f',
  brightGreen: '#bae67e',
  brightYellow: '#ffd580',
  brightBlue: '#8fcaff',
  brightMagenta: '#e0c2ff',
  brightCyan: '#b3f0dc',
  brightWhite: '#ffffff',
}
