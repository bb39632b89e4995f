// What each crate costs in the web bundle (issue #8), twiggy/cargo-bloat style: the code bytes of
// every function in the wasm cargo builds for the page (before wasm-bindgen and wasm-opt, which
// drop the names), attributed to the crate its mangled name starts with, plus the data section.
//   node scripts/wasm-cost.mjs [file.wasm]    (scripts/bench runs it after the release build)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The page's own profile (Cargo.toml `wasm-release`, named by index.html's data-cargo-profile).
export const DEFAULT_WASM = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm-release', 'mqocsp-web.wasm');

/** Reads a LEB128 unsigned integer at `at`; returns [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The crate a Rust symbol (legacy `_ZN…` or v0 `_R…` mangling) belongs to. */
export function crateOf(symbol) {
  if (symbol.startsWith('_R')) {
    // v0: the first crate root `C[s<disambiguator>_]<len><name>` in the path.
    const root = symbol.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    if (root) {
      const start = root.index + root[0].length;
      return symbol.slice(start, start + Number(root[1])).replace(/^_+/, '') || 'std';
    }
  }
  const mangled = symbol.match(/^_ZN(\d+)(.*)$/);
  if (!mangled) {
    // wasm-bindgen shims, compiler intrinsics, C (ring's assembly-free fallbacks) and the like.
    if (/^(__wbg|__wbindgen|wasm_bindgen)/.test(symbol)) return 'wasm_bindgen';
    if (/^ring_core_/.test(symbol)) return 'ring';
    return '(other: intrinsics, C, unnamed)';
  }
  let first = mangled[2].slice(0, Number(mangled[1]));
  // `<T as Trait>::f` is mangled as `_<T as Trait>` : the implementing type's crate pays for it.
  // A blanket `<T as Trait>` impl: the trait's crate.
  const blanket = first.match(/^_?\$LT\$(?:\$RF\$|mut\$u20\$|\$BP\$|\$u5b\$)*[A-Z]\w*(?:\$u5d\$)?\$u20\$as\$u20\$([a-z0-9_]+)\.\./);
  if (blanket) return blanket[1];
  first = first.replace(/^_?\$LT\$/, '').replace(/^(&|\$RF\$|mut\$u20\$|\$BP\$|\$u5b\$)+/, '');
  const crate = first.split(/\.\.|\$/)[0];
  if (/^[A-Z]/.test(crate)) return '(generic impls)';
  return crate || '(other: intrinsics, C, unnamed)';
}

/** Bytes per crate: { total, data, crates: [[name, bytes], ...] sorted by bytes }. */
export function wasmCost(path = DEFAULT_WASM) {
  const bytes = readFileSync(path);
  let at = 8;
  let importedFunctions = 0;
  let bodies = [];
  let data = 0;
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 2) {
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p); p += len; // module
        [len, p] = leb(bytes, p); p += len; // field
        const kind = bytes[p++];
        if (kind === 0) { [, p] = leb(bytes, p); importedFunctions++; }
        else if (kind === 1) { p++; const [flags, q] = leb(bytes, p); p = q; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 2) { const [flags, q] = leb(bytes, p); p = q; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); }
        else if (kind === 3) { p += 2; }
        else throw new Error(`unknown import kind ${kind}`);
      }
    } else if (id === 10) {
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        const start = p;
        [len, p] = leb(bytes, p);
        p += len;
        bodies.push(p - start);
      }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      let len;
      let p;
      [len, p] = leb(bytes, at);
      const name = bytes.subarray(p, p + len).toString();
      p += len;
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = leb(bytes, p);
          if (sub === 1) {
            let count;
            let q;
            [count, q] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let n;
              [index, q] = leb(bytes, q);
              [n, q] = leb(bytes, q);
              names.set(index, bytes.subarray(q, q + n).toString());
              q += n;
            }
          }
          p += subSize;
        }
      }
    }
    at = end;
  }
  if (names.size === 0) throw new Error(`${path} has no name section: build without stripping (cargo's release wasm, before wasm-opt)`);
  const perCrate = new Map();
  bodies.forEach((size, i) => {
    const crate = crateOf(names.get(importedFunctions + i) ?? '');
    perCrate.set(crate, (perCrate.get(crate) ?? 0) + size);
  });
  const code = bodies.reduce((a, b) => a + b, 0);
  return { code, data, crates: [...perCrate].sort((a, b) => b[1] - a[1]) };
}

/** Prints the table: the biggest crates, then the rest summed. */
export function printWasmCost(path = DEFAULT_WASM, top = 18) {
  const { code, data, crates } = wasmCost(path);
  const total = code + data;
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
  console.log(`\nweb bundle by crate (code of each function before wasm-opt, by mangled name; ${kb(total)} in all):`);
  const shown = crates.slice(0, top);
  const rest = crates.slice(top).reduce((a, [, n]) => a + n, 0);
  const rows = [...shown, [`${crates.length - shown.length} more crates`, rest], ['data section (strings, tables)', data]];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, n] of rows) console.log(`  ${name.padEnd(width)}  ${kb(n).padStart(7)}  ${pct(n).padStart(7)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printWasmCost(process.argv[2]);
