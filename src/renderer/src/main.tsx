import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setDateLocale } from '../../shared/dates.js';
import { App } from './App.js';
import './styles.css';

// Dates the way the system writes them, like the date inputs (main does the same for its messages).
setDateLocale(navigator.language);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
