import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setLoadedVitals } from '../vitals';
import { vitalsFixture } from './vitals';

// the backend's catalogue, as `ui/VitalsGate` loads it before any page
setLoadedVitals(vitalsFixture);

function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  clearCookies();
  document.documentElement.lang = '';
  window.history.replaceState(null, '', '/'); // client-side routes start at the front page
});
