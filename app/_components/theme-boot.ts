/** Where the colour theme choice is stored (system = no entry). */
export const THEME_STORAGE_KEY = 'sawtooth-theme';

/**
 * Runs before the page paints (inlined in <head> by the layout), so a stored light/dark choice never flashes the
 * other theme. "system" has no stored entry and leaves prefers-color-scheme in charge. A plain module (not a client
 * one), so the server layout gets the string itself.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}`;
