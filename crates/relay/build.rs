//! Embeds the built page (`dist/` at the workspace root) when it exists, so one binary serves it.
//! Without it (a build before `trunk build`), nothing is embedded and `--ui DIR` is needed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        // Like `--ui`: no dotfiles and no symlinks are ever served, so none is built in.
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden || entry.file_type().is_ok_and(|t| t.is_symlink()) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist");
    println!("cargo:rerun-if-changed={}", dist.display());
    let mut found = Vec::new();
    if dist.join("index.html").is_file() {
        files(&dist, &mut found);
    }
    found.sort();
    let mut code = String::from(
        "/// The page built into this binary: (path, bytes).\npub static EMBEDDED: &[(&str, &[u8])] = &[\n",
    );
    for path in &found {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path
            .strip_prefix(&dist)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
        let _ = writeln!(
            code,
            "    ({relative:?}, include_bytes!({:?})),",
            absolute.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    std::fs::write(out, code).unwrap_or_else(|error| panic!("writing the embedded page: {error}"));
}
