//! Replays what fuzzing found: every input kept under `fuzz/regressions/<target>/` runs through the
//! same entry its cargo-fuzz target calls (`mqocsp_core::fuzz`), so a fixed crash stays fixed.
//! Every target also runs over the committed fixtures, so an entry that no longer reaches its
//! parser (or whose invariant checks reject good input) fails here, not only under the fuzzer.

use mqocsp_core::fuzz::TARGETS;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.is_file() && !path.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_cargo_fuzz_target_has_an_entry_and_a_regressions_folder() {
    let mut on_disk: Vec<String> = files_in(&root().join("fuzz/fuzz_targets"))
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = TARGETS.iter().map(|(name, _)| name.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "fuzz/fuzz_targets/*.rs and mqocsp_core::fuzz::TARGETS differ"
    );
    for name in &listed {
        let source =
            std::fs::read_to_string(root().join(format!("fuzz/fuzz_targets/{name}.rs"))).unwrap();
        assert!(
            source.contains("mqocsp_core::fuzz::"),
            "{name}.rs does not call mqocsp_core::fuzz"
        );
        assert!(
            root().join("fuzz/regressions").join(name).is_dir(),
            "fuzz/regressions/{name}/ is missing"
        );
    }
}

#[test]
fn inputs_fuzzing_found_stay_fixed() {
    let mut replayed = 0;
    for (name, entry) in TARGETS {
        for file in files_in(&root().join("fuzz/regressions").join(name)) {
            let data = std::fs::read(&file).unwrap();
            // A panic names the file through the test's output.
            eprintln!("replaying {}", file.display());
            entry(&data);
            replayed += 1;
        }
    }
    // Fuzzing has found inputs before: an empty replay means the folders were not found.
    assert!(
        replayed > 0,
        "no input under fuzz/regressions/ was replayed"
    );
    eprintln!("replayed {replayed} inputs");
}

#[test]
fn every_entry_accepts_the_committed_fixtures() {
    let fixtures = files_in(&root().join("testdata/fixtures"));
    assert!(!fixtures.is_empty());
    for (name, entry) in TARGETS {
        for file in &fixtures {
            let text = std::fs::read(file).unwrap();
            entry(&text);
            // The DER inside, for the byte-level entries.
            for object in mqocsp_core::decode(&String::from_utf8_lossy(&text)).objects {
                eprintln!("{name} on {} (DER)", file.display());
                entry(&object.der);
            }
        }
    }
}
