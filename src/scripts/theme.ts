/** Light and dark themes: follow the system until the reader picks one, then remember it. */
type Theme = 'light' | 'dark';

const storageKey = 'theme';
const systemDark = matchMedia('(prefers-color-scheme: dark)');

function currentTheme(): Theme {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return systemDark.matches ? 'dark' : 'light';
}

// Not display/storage's writeStored: this script is inlined in every page, and an import shared
// with the features' scripts would become a chunk of its own, a request before the toggle works.
function remember(theme: Theme): void {
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Storage may be blocked or full: the choice still applies to this page.
  }
}

/** Shows the toggle (it is hidden without JavaScript) and keeps its pressed state in sync. */
export function initThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const sync = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  button.hidden = false;
  sync();
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset['theme'] = next;
    remember(next);
    sync();
  });
  systemDark.addEventListener('change', sync);
}
