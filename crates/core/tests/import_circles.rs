//! No import circles between the core's files (issue #14): a file that uses another must not be
//! used by it, directly or through others, so each file can be read, tested and moved on its own.
//! A module's own submodules (a directory module's files) may use their parent: that is nesting,
//! not a circle.
//!
//! The graph is read from the source text: every `crate::…`, `super::…` and `self::…` path outside
//! comments names the deepest module file it reaches.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`mq::case`) → source text, for every file under `src`.
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Vec<String>, String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut next = prefix.to_vec();
            next.push(name);
            modules(&path, &next, out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut module = prefix.to_vec();
            if stem != "mod" && stem != "lib" {
                module.push(stem.to_owned());
            }
            out.insert(module, std::fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

/// The text without comments (line comments, doc comments and block comments) and without the
/// file's `#[cfg(test)] mod tests` block, which may use anything.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::new();
    let mut in_block = 0usize;
    for line in text.lines() {
        let mut rest = line;
        let mut kept = String::new();
        loop {
            if in_block > 0 {
                match rest.find("*/") {
                    Some(end) => {
                        in_block -= 1;
                        rest = &rest[end + 2..];
                    }
                    None => break,
                }
            } else if let Some(start) = rest.find("/*") {
                let before = &rest[..start];
                match before.find("//") {
                    Some(comment) => {
                        kept.push_str(&before[..comment]);
                        break;
                    }
                    None => {
                        kept.push_str(before);
                        in_block += 1;
                        rest = &rest[start + 2..];
                    }
                }
            } else {
                kept.push_str(rest.split("//").next().unwrap_or(""));
                break;
            }
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// The module file a path in `from` names: the longest known module its segments reach.
fn target(from: &[String], path: &[&str], known: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    // `super` is the parent of the module the file is, whether a file or a directory's mod.rs.
    let mut base: Vec<String> = from.to_vec();
    base.pop();
    let mut rest = path;
    match rest.first() {
        Some(&"crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some(&"self") => {
            base = from.to_vec();
            rest = &rest[1..];
        }
        Some(&"super") => {
            rest = &rest[1..];
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    (1..=rest.len()).rev().find_map(|n| {
        let mut module = base.clone();
        module.extend(rest[..n].iter().map(|s| (*s).to_owned()));
        known.contains(&module).then_some(module)
    })
}

fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    modules(&src, &[], &mut files);
    let known: BTreeSet<Vec<String>> = files.keys().cloned().collect();
    let mut edges = BTreeMap::new();
    for (module, text) in &files {
        let code = code(text);
        let mut uses = BTreeSet::new();
        let bytes = code.as_bytes();
        for (at, _) in code.match_indices("::") {
            // The path this `::` belongs to: back to its first segment, on to its last.
            let start = code[..at]
                .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(0, |i| i + 1);
            if start > 0 && bytes[start - 1] == b':' {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |i| at + i);
            let path: Vec<&str> = code[start..end]
                .split("::")
                .filter(|s| !s.is_empty())
                .collect();
            if !matches!(path.first(), Some(&"crate" | &"super" | &"self")) {
                continue;
            }
            if let Some(to) = target(module, &path, &known)
                && &to != module
                && !module.starts_with(&to)
                && !to.is_empty()
            {
                uses.insert(to);
            }
        }
        edges.insert(module.clone(), uses);
    }
    edges
}

/// The strongly connected groups of more than one file (Tarjan).
fn circles(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(walk: &mut Walk<'a>, v: &'a Vec<String>) {
        let n = walk.index.len();
        walk.index.insert(v, n);
        walk.low.insert(v, n);
        walk.stack.push(v);
        walk.on.insert(v);
        for w in walk.edges.get(v).into_iter().flatten() {
            let Some((w, _)) = walk.edges.get_key_value(w) else {
                continue;
            };
            if !walk.index.contains_key(w) {
                visit(walk, w);
                let low = walk.low[v].min(walk.low[w]);
                walk.low.insert(v, low);
            } else if walk.on.contains(w) {
                let low = walk.low[v].min(walk.index[w]);
                walk.low.insert(v, low);
            }
        }
        if walk.low[v] == walk.index[v] {
            let mut group = Vec::new();
            while let Some(w) = walk.stack.pop() {
                walk.on.remove(w);
                group.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                walk.found.push(group);
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !walk.index.contains_key(v) {
            visit(&mut walk, v);
        }
    }
    walk.found
}

#[test]
fn no_file_of_the_core_is_in_an_import_circle() {
    let edges = graph();
    let found = circles(&edges);
    let described: Vec<String> = found
        .iter()
        .map(|group| {
            let uses: Vec<String> = group
                .iter()
                .flat_map(|from| {
                    let key: Vec<String> = from.split("::").map(str::to_owned).collect();
                    edges
                        .get(&key)
                        .into_iter()
                        .flatten()
                        .map(|to| to.join("::"))
                        .filter(|to| group.contains(to))
                        .map(move |to| format!("{from} -> {to}"))
                        .collect::<Vec<_>>()
                })
                .collect();
            format!("[{}]: {}", group.join(", "), uses.join("; "))
        })
        .collect();
    assert!(
        described.is_empty(),
        "import circles:\n{}",
        described.join("\n")
    );
}

#[test]
fn the_reader_sees_a_circle_when_there_is_one() {
    let a = vec!["a".to_owned()];
    let b = vec!["b".to_owned()];
    let c = vec!["c".to_owned()];
    let edges = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([a.clone(), c.clone()])),
        (c.clone(), BTreeSet::new()),
    ]);
    assert_eq!(circles(&edges), vec![vec!["a".to_owned(), "b".to_owned()]]);
    // And the real graph is read at all: the case module uses the config module.
    let graph = graph();
    let case = vec!["mq".to_owned(), "case".to_owned()];
    assert!(graph[&case].contains(&vec!["mq".to_owned(), "config".to_owned()]));
    assert_eq!(
        code("let x = 1; // super::y\n/* crate::z */ let w = super::v;"),
        "let x = 1; \n let w = super::v;\n"
    );
}
