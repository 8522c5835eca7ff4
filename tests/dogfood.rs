//! gate's own repository is a model of what gate preaches (issue 14, point
//! 6): `gate scan .` on it passes, with every engine on.

use std::process::Command;

#[test]
fn issue14_p6_gate_scan_passes_on_its_own_repository() {
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args(["scan", ".", "--no-progress"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_BASE_REF")
        .output()
        .expect("gate runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
