// The page's worker (issue #14 item 6): the page's own wasm, loaded here as a module worker,
// decodes, predicts and verifies off the main thread (src/services/worker.rs). The page passes the
// hashed files Trunk wrote for it: `?glue=/mqocsp-web-….js&wasm=/mqocsp-web-…_bg.wasm`. The
// wasm's main() sees a worker scope and installs its message handler.
// The page sends its compiled WebAssembly.Module as the first message: the worker instantiates
// that one instead of fetching and compiling the wasm again, and shares its compiled (and
// optimised) code with the page. Without it (an older page), the worker compiles the wasm file.
const early = [];
let compiled;
const moduleSent = new Promise((resolve) => {
  compiled = resolve;
  setTimeout(() => resolve(undefined), 2000);
});
self.onmessage = (event) => {
  if (event.data?.module instanceof WebAssembly.Module) compiled(event.data.module);
  else early.push(event);
};
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
  const module = await moduleSent;
  await init({ module_or_path: module ?? file('wasm', '.wasm') });
  // Requests that arrived while the wasm loaded go to its handler, in order.
  for (const event of early) self.onmessage(event);
} catch (error) {
  // The page then decodes on its own thread (and says why in the console).
  self.postMessage({ failed: String(error?.stack ?? error) });
}
