// The page's worker (issue #14 item 6): the page's own wasm, loaded here as a module worker,
// decodes, predicts and verifies off the main thread (src/services/worker.rs). The page passes the
// hashed files Trunk wrote for it: `?glue=/mqocsp-web-….js&wasm=/mqocsp-web-…_bg.wasm`. The
// wasm's main() sees a worker scope and installs its message handler.
const early = [];
self.onmessage = (event) => early.push(event);
try {
  const asked = new URL(self.location.href).searchParams;
  const file = (name, extension) => {
    const url = new URL(asked.get(name) ?? '', self.location.href);
    if (url.origin !== self.location.origin || !url.pathname.endsWith(extension)) {
      throw new Error(`no ${name} file of this page to load (${url.href})`);
    }
    return url.href;
  };
  const { default: init } = await import(file('glue', '.js'));
  await init({ module_or_path: file('wasm', '.wasm') });
  // Requests that arrived while the wasm loaded go to its handler, in order.
  for (const event of early) self.onmessage(event);
} catch (error) {
  // The page then decodes on its own thread (and says why in the console).
  self.postMessage({ failed: String(error?.stack ?? error) });
}
