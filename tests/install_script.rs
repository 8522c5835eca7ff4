//! Issue 14, point 3: `dist/install.sh` against a fake release served on
//! 127.0.0.1. The "binary" in the fake release is a shell script named gate;
//! pip and cargo are fake commands (GATE_PIP / GATE_CARGO), so nothing here
//! ever reaches the internet.

#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the fake release's gate prints for `--version`.
const RELEASE_BANNER: &str = "gate from the release archive";

/// A static HTTP server on a random loopback port: GET of a known path
/// answers 200 with its bytes, anything else 404. Requests are recorded.
struct FakeReleaseServer {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

impl FakeReleaseServer {
    fn start(files: HashMap<String, Vec<u8>>) -> FakeReleaseServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        // The thread ends with the test process; each connection is served
        // to completion, one at a time (the installer makes two requests).
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                serve(stream, &files, &seen);
            }
        });
        FakeReleaseServer { port, requests }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, files: &HashMap<String, Vec<u8>>, seen: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers up to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .to_string();
    seen.lock().unwrap().push(path.clone());
    let mut out = &stream;
    let (status, body): (&str, &[u8]) = match files.get(&path) {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", b"Not Found"),
    };
    let _ = write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = out.write_all(body);
}

/// The release target `detect_target` in install.sh picks on this machine.
fn this_target() -> String {
    format!("{}-unknown-linux-musl", std::env::consts::ARCH)
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn write_executable(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// `gate-VERSION-TARGET.tar.gz` holding a `gate` script at its top level, the
/// layout the release workflow produces.
fn release_archive(dir: &Path) -> Vec<u8> {
    let stage = dir.join("stage");
    write_executable(
        &stage.join("gate"),
        &format!("#!/bin/sh\necho \"{RELEASE_BANNER} {VERSION}\"\n"),
    );
    let archive = dir.join("release.tar.gz");
    let ok = Command::new("tar")
        .arg("-czf")
        .arg(&archive)
        .arg("-C")
        .arg(&stage)
        .arg("gate")
        .status()
        .expect("tar runs")
        .success();
    assert!(ok, "tar could not build the fake release");
    std::fs::read(archive).unwrap()
}

/// The fake release directory: `/vVERSION/ASSET` and `/vVERSION/ASSET.sha256`.
fn release_files(archive: &[u8], checksum: &str) -> HashMap<String, Vec<u8>> {
    let asset = format!("gate-{VERSION}-{}.tar.gz", this_target());
    HashMap::from([
        (format!("/v{VERSION}/{asset}"), archive.to_vec()),
        (
            format!("/v{VERSION}/{asset}.sha256"),
            format!("{checksum}  {asset}\n").into_bytes(),
        ),
    ])
}

/// A sandbox for one installer run: install dir, fake pip and cargo that log
/// their arguments and leave a gate script where pip/cargo would.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().unwrap(),
        };
        let log = sandbox.path().join("fallback.log");
        // Each fake finds its --target / --root argument and puts bin/gate there.
        for (tool, flag) in [("pip", "--target"), ("cargo", "--root")] {
            write_executable(
                &sandbox.path().join("fake").join(tool),
                &format!(
                    r#"#!/bin/sh
echo "{tool} $*" >> "{log}"
[ "${{FAKE_{upper}_FAILS:-0}}" = 1 ] && exit 1
dest=
while [ $# -gt 0 ]; do
    if [ "$1" = "{flag}" ]; then dest=$2; fi
    shift
done
mkdir -p "$dest/bin"
printf '#!/bin/sh\necho "gate from {tool} {VERSION}"\n' > "$dest/bin/gate"
chmod 755 "$dest/bin/gate"
"#,
                    log = log.display(),
                    upper = tool.to_uppercase(),
                ),
            );
        }
        sandbox
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn install_dir(&self) -> PathBuf {
        self.path().join("bin")
    }

    fn fallback_log(&self) -> String {
        std::fs::read_to_string(self.path().join("fallback.log")).unwrap_or_default()
    }

    /// Run `sh dist/install.sh VERSION` against `url`, with `env` on top.
    fn install(&self, url: &str, env: &[(&str, &str)]) -> Output {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/install.sh");
        let mut cmd = Command::new("sh");
        cmd.arg(script).arg(VERSION);
        for var in [
            "GATE_TARGET",
            "GATE_VERSION",
            "GATE_NO_FALLBACK",
            "http_proxy",
            "https_proxy",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "ALL_PROXY",
            "all_proxy",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.path())
            .env("GATE_INSTALL_DIR", self.install_dir())
            .env("GATE_DOWNLOAD_URL", url)
            .env("GATE_PIP", self.path().join("fake/pip"))
            .env("GATE_CARGO", self.path().join("fake/cargo"))
            .envs(env.iter().copied());
        cmd.output().expect("sh runs")
    }

    /// What the installed gate prints for `--version`.
    fn installed_version(&self) -> String {
        let out = Command::new(self.install_dir().join("gate"))
            .arg("--version")
            .output()
            .expect("installed gate runs");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn issue14_p3_good_checksum_installs_the_release_binary_and_it_runs() {
    let sandbox = Sandbox::new();
    let archive = release_archive(sandbox.path());
    let server = FakeReleaseServer::start(release_files(&archive, &sha256_hex(&archive)));
    let out = sandbox.install(&server.url(), &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        sandbox.installed_version(),
        format!("{RELEASE_BANNER} {VERSION}")
    );
    let asset = format!("/v{VERSION}/gate-{VERSION}-{}.tar.gz", this_target());
    assert_eq!(
        server.requests(),
        vec![format!("{asset}.sha256"), asset],
        "the target is detected from uname and the checksum fetched first"
    );
    assert!(sandbox.fallback_log().is_empty(), "no fallback was needed");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("checksum verified"),
        "{}",
        text(&out)
    );
}

#[test]
fn issue14_p3_bad_checksum_stops_with_a_clear_message_and_installs_nothing() {
    let sandbox = Sandbox::new();
    let archive = release_archive(sandbox.path());
    let wrong = sha256_hex(b"some other archive");
    let server = FakeReleaseServer::start(release_files(&archive, &wrong));
    let out = sandbox.install(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("checksum mismatch"), "{}", text(&out));
    assert!(
        stderr.contains(&wrong),
        "names the expected digest: {stderr}"
    );
    assert!(stderr.contains("nothing was installed"), "{stderr}");
    assert!(
        !sandbox.install_dir().exists(),
        "nothing may be written: {:?}",
        std::fs::read_dir(sandbox.install_dir()).map(|d| d.count())
    );
    // A tampered download is not "no release": it must not fall back either.
    assert!(
        sandbox.fallback_log().is_empty(),
        "{}",
        sandbox.fallback_log()
    );
}

#[test]
fn issue14_p3_a_checksum_file_that_is_not_a_digest_is_refused() {
    let sandbox = Sandbox::new();
    let archive = release_archive(sandbox.path());
    let server = FakeReleaseServer::start(release_files(&archive, "<html>oops</html>"));
    let out = sandbox.install(&server.url(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not hold a SHA-256 digest"),
        "{}",
        text(&out)
    );
    assert!(!sandbox.install_dir().join("gate").exists());
}

#[test]
fn issue14_p3_missing_asset_falls_back_to_pip_with_the_pinned_version() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let out = sandbox.install(&server.url(), &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        sandbox.installed_version(),
        format!("gate from pip {VERSION}")
    );
    let log = sandbox.fallback_log();
    assert!(log.starts_with("pip install "), "{log}");
    assert!(log.contains(&format!("gate-scan=={VERSION}")), "{log}");
    assert!(
        !log.contains("cargo"),
        "pip worked, cargo is not needed: {log}"
    );
    assert_eq!(server.requests().len(), 1, "only the .sha256 was tried");
}

#[test]
fn issue14_p3_server_down_falls_back_to_pip() {
    let sandbox = Sandbox::new();
    // A port that was just free: connection refused.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = sandbox.install(&format!("http://127.0.0.1:{port}"), &[]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        sandbox.installed_version(),
        format!("gate from pip {VERSION}")
    );
}

#[test]
fn issue14_p3_pip_failing_falls_back_to_cargo_install_locked() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let out = sandbox.install(&server.url(), &[("FAKE_PIP_FAILS", "1")]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        sandbox.installed_version(),
        format!("gate from cargo {VERSION}")
    );
    let log = sandbox.fallback_log();
    let cargo = log.lines().find(|l| l.starts_with("cargo ")).expect(&log);
    assert!(cargo.contains("install --locked"), "{cargo}");
    assert!(cargo.contains(&format!("--tag v{VERSION}")), "{cargo}");
}

#[test]
fn issue14_p3_every_route_failing_exits_non_zero_and_installs_nothing() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let out = sandbox.install(
        &server.url(),
        &[("FAKE_PIP_FAILS", "1"), ("FAKE_CARGO_FAILS", "1")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not install gate"),
        "{}",
        text(&out)
    );
    assert!(!sandbox.install_dir().join("gate").exists());
}

#[test]
fn issue14_p3_no_fallback_mode_accepts_only_a_verified_release() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let out = sandbox.install(&server.url(), &[("GATE_NO_FALLBACK", "1")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(sandbox.fallback_log().is_empty());
    assert!(!sandbox.install_dir().join("gate").exists());
}

#[test]
fn issue14_p3_target_override_and_windows_zip_naming() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let out = sandbox.install(
        &server.url(),
        &[
            ("GATE_TARGET", "x86_64-pc-windows-msvc"),
            ("GATE_NO_FALLBACK", "1"),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(
        server.requests(),
        vec![format!(
            "/v{VERSION}/gate-{VERSION}-x86_64-pc-windows-msvc.zip.sha256"
        )]
    );
}

#[test]
fn issue14_p3_a_bad_version_argument_is_refused_before_any_download() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/install.sh");
    let out = Command::new("sh")
        .arg(script)
        .arg("1.0; rm -rf /")
        .env("GATE_INSTALL_DIR", sandbox.install_dir())
        .env("GATE_DOWNLOAD_URL", server.url())
        .env("GATE_PIP", sandbox.path().join("fake/pip"))
        .env("GATE_CARGO", sandbox.path().join("fake/cargo"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a version"));
    assert!(server.requests().is_empty());
    assert!(sandbox.fallback_log().is_empty());
}

#[test]
fn issue14_p3_default_version_is_the_crate_version() {
    let script =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/install.sh"))
            .unwrap();
    let line = script
        .lines()
        .find(|l| l.starts_with("DEFAULT_VERSION="))
        .expect("install.sh sets DEFAULT_VERSION");
    assert_eq!(line, format!("DEFAULT_VERSION={VERSION}"));
}

/// The `run:` script of action.yml's "Install gate" step, as bash runs it.
fn action_install_script() -> String {
    let action =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    let step = action
        .split("- name: ")
        .find(|s| s.starts_with("Install gate"))
        .expect("action.yml has an Install gate step");
    let run = step.split_once("run: |\n").expect("a run block").1;
    let script: Vec<&str> = run
        .lines()
        .take_while(|l| l.is_empty() || l.starts_with("        "))
        .map(|l| l.strip_prefix("        ").unwrap_or(l))
        .collect();
    script.join("\n")
}

/// A runner's view for the action's install step: tool cache, step output
/// file, the action's checkout (this repository) and the step's env.
fn run_action_install(
    sandbox: &Sandbox,
    url: &str,
    action_ref: &str,
    input_version: &str,
) -> (Output, String) {
    let output_file = sandbox.path().join("github_output");
    let out = Command::new("bash")
        .arg("-c")
        .arg(action_install_script())
        .env("RUNNER_TOOL_CACHE", sandbox.path().join("toolcache"))
        .env("RUNNER_OS", "Linux")
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_ACTION_PATH", env!("CARGO_MANIFEST_DIR"))
        .env("GATE_ACTION_REF", action_ref)
        .env("GATE_INPUT_VERSION", input_version)
        .env("GATE_RUNNER_ARCH", "X64")
        .env("GATE_DOWNLOAD_URL", url)
        .env("GATE_PIP", sandbox.path().join("fake/pip"))
        .env("GATE_CARGO", sandbox.path().join("fake/cargo"))
        .env("HOME", sandbox.path())
        .env_remove("GATE_TARGET")
        .env_remove("GATE_NO_FALLBACK")
        .output()
        .expect("bash runs");
    let outputs = std::fs::read_to_string(output_file).unwrap_or_default();
    (out, outputs)
}

#[test]
fn issue14_p3_action_installs_the_tagged_release_into_the_tool_cache_once() {
    let sandbox = Sandbox::new();
    let archive = release_archive(sandbox.path());
    let server = FakeReleaseServer::start(release_files(&archive, &sha256_hex(&archive)));
    let (out, outputs) = run_action_install(&sandbox, &server.url(), &format!("v{VERSION}"), "");
    assert!(out.status.success(), "{}", text(&out));
    let bin = sandbox
        .path()
        .join(format!("toolcache/gate/{VERSION}/X64/gate"));
    assert_eq!(outputs.trim(), format!("bin={}", bin.display()));
    let version = Command::new(&bin).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("{RELEASE_BANNER} {VERSION}")
    );
    assert_eq!(server.requests().len(), 2);

    // A second job on the same runner: found in the tool cache, no download.
    let (out, _) = run_action_install(&sandbox, &server.url(), &format!("v{VERSION}"), "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("found in the tool cache"),
        "{}",
        text(&out)
    );
    assert_eq!(server.requests().len(), 2, "nothing downloaded again");
}

#[test]
fn issue14_p3_action_pinned_by_sha_installs_its_own_cargo_version() {
    let sandbox = Sandbox::new();
    let archive = release_archive(sandbox.path());
    let server = FakeReleaseServer::start(release_files(&archive, &sha256_hex(&archive)));
    let sha = "3d3c42e5aac5ba805825da76410c181273ba90b1";
    let (out, outputs) = run_action_install(&sandbox, &server.url(), sha, "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        outputs.contains(&format!("toolcache/gate/{VERSION}/X64/gate")),
        "{outputs}"
    );
    assert!(server.requests()[0].starts_with(&format!("/v{VERSION}/")));
}

#[test]
fn issue14_p3_action_version_input_wins_and_a_missing_release_falls_back() {
    let sandbox = Sandbox::new();
    let server = FakeReleaseServer::start(HashMap::new());
    let (out, outputs) =
        run_action_install(&sandbox, &server.url(), &format!("v{VERSION}"), "v9.9.9");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(
        server.requests(),
        vec!["/v9.9.9/gate-9.9.9-".to_string() + &this_target() + ".tar.gz.sha256"]
    );
    assert!(
        outputs.contains("toolcache/gate/9.9.9/X64/gate"),
        "{outputs}"
    );
    assert!(sandbox.fallback_log().contains("gate-scan==9.9.9"));
}

#[test]
fn issue14_p3_action_expands_no_expression_inside_its_scripts() {
    // Inputs reach the scripts through env only: no template injection.
    let action =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml")).unwrap();
    for block in action.split("run: |").skip(1) {
        let script: String = block
            .lines()
            .skip(1)
            .take_while(|l| l.is_empty() || l.starts_with("        "))
            .collect();
        assert!(!script.contains("${{"), "{script}");
    }
}
