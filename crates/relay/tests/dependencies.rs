//! The relay depends on `mqocsp-wire`, never on `mqocsp-core` (issue #14): the core is large
//! (ring, x509-parser, num-bigint…) and none of it belongs in a byte relay. Read from
//! `cargo metadata`, so a dependency added under any spelling (renamed, target-specific, a path
//! or the workspace) is caught; dev-dependencies may use the core.

use std::process::Command;

/// The relay's normal and build dependencies, by package name, as `cargo metadata` resolves them.
fn relay_dependencies() -> Vec<(String, Option<String>)> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("metadata is JSON");
    let relay = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "mqocsp-relay")
        .expect("the relay is a workspace member");
    relay["dependencies"]
        .as_array()
        .expect("dependencies")
        .iter()
        // kind is null for normal dependencies, "dev" or "build" otherwise.
        .filter(|d| d["kind"] != "dev")
        .map(|d| {
            (
                d["name"].as_str().unwrap_or_default().to_owned(),
                d["kind"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn the_relay_depends_on_the_wire_crate_and_never_on_the_core() {
    let dependencies = relay_dependencies();
    let names: Vec<&str> = dependencies.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"mqocsp-wire"), "{names:?}");
    assert!(
        names.contains(&"axum"),
        "the list is the real one: {names:?}"
    );
    for (name, kind) in &dependencies {
        assert_ne!(
            name,
            "mqocsp-core",
            "the relay must not depend on mqocsp-core ({} dependency); use mqocsp-wire",
            kind.as_deref().unwrap_or("normal")
        );
    }
}
