import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { isListPath, preloadListScreen } from './crud/GeneratedList.tsx';
import { getLocale, setLocale } from './i18n/index.ts';

// A page load that opens a list fetches the list's code now, while the session and the catalog
// load, rather than once the route renders.
if (isListPath(window.location.pathname)) void preloadListScreen();

setLocale(getLocale());
createRoot(document.getElementById('root')!).render(<App />);
