/**
 * Run in every page before its own scripts: each `document.cookie = …` is noted with the
 * address of the script that wrote it, read from the stack, so the report can name it.
 */
export const cookieWriteRecorder = `(() => {
  const native = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!native || !native.set) return;
  const writes = [];
  Object.defineProperty(window, '__cookieWrites', { value: writes });
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    get() { return native.get.call(this); },
    set(value) {
      const name = String(value).split('=')[0].trim();
      const frames = String(new Error().stack || '').match(/https?:\\/\\/[^\\s()]+?(?=:\\d+:\\d+)/g) || [];
      writes.push({ name, script: frames[0] || location.href });
      native.set.call(this, value);
    },
  });
})()`

/** What the page's storage holds: keys of both storages and IndexedDB databases with their stores. */
export const storageReader = `(async () => {
  const keys = (store) => { try { return Object.keys(store); } catch { return []; } };
  const databases = [];
  try {
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const stores = await new Promise((resolve) => {
        const open = indexedDB.open(info.name);
        open.onsuccess = () => { const names = Array.from(open.result.objectStoreNames); open.result.close(); resolve(names); };
        open.onerror = () => resolve([]);
      });
      databases.push(...(stores.length ? stores.map((s) => info.name + '/' + s) : [info.name]));
    }
  } catch {}
  return { localStorage: keys(localStorage), sessionStorage: keys(sessionStorage), indexedDB: databases,
    cookieWrites: window.__cookieWrites || [] };
})()`
