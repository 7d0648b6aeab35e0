/*
 * Loaded into the app's service worker (workbox importScripts): shows a Web Push reminder and
 * opens the app when it is tapped. The server sends fixed text only ("You have a task due in
 * Heima"), never health data; the fallback below is the same.
 */
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = typeof data.title === 'string' ? data.title : 'Heima';
  const body = typeof data.body === 'string' ? data.body : 'Du har en oppgave i Heima.';
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      icon: 'icon-192.png',
      badge: 'icon-192.png',
      tag: 'heima-reminder',
      data: { url: typeof data.url === 'string' ? data.url : '/patient/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/patient/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => new URL(w.url).pathname.startsWith('/patient/'));
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
