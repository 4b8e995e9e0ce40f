import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { getLocale, setLocale } from './i18n/index.ts';

setLocale(getLocale());
createRoot(document.getElementById('root')!).render(<App />);
