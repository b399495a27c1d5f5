//! Helpers for the workbook tests: reading a workbook's XML back ([`xml`])
//! and, here, LibreOffice: ONE office per test binary, shared by every
//! test. The first test that needs it starts `tools/recalc.py --serve`,
//! which starts `soffice --headless` with a fresh profile directory and a
//! pipe of its own, waits for it (up to [`START_TIMEOUT_S`]: a cold office
//! can take well over a minute) and then answers one batch of workbooks per
//! request. A failure to start is said once, in one sentence (office not
//! found, did not answer in time, python3-uno missing), with the command
//! line, and every test that needs the office reports the same sentence.
//! When the test binary ends, however it ends, the driver's stdin closes and
//! the driver shuts the office down and removes this run's directory.

pub mod xml;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

/// How long the office may take to answer the first time, seconds.
pub const START_TIMEOUT_S: u32 = 240;

/// The cells asked for, by reference (`Budget!C5`): a number, a text ("" when
/// empty) or `#ERROR <code>`.
pub type Cells = BTreeMap<String, serde_json::Value>;

/// One workbook to open: recalculated after setting `sets`
/// (`Antaganden!C2=0.75`), or as opened, without recalculation.
pub struct Job<'a> {
    pub bytes: &'a [u8],
    pub as_opened: bool,
    pub sets: Vec<String>,
    pub gets: Vec<String>,
}

/// The driver process and its pipes.
struct Server {
    /// Held so the driver lives as long as the test binary.
    _child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    log: PathBuf,
}

static SERVER: OnceLock<Result<Mutex<Server>, String>> = OnceLock::new();

/// This test binary's own directory for workbooks and the driver's log.
fn run_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xlsx-workbook-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn log_text(log: &PathBuf) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    if text.trim().is_empty() {
        String::new()
    } else {
        format!("\ndriver's stderr ({}):\n{}", log.display(), text.trim())
    }
}

/// Starts the driver and waits for its office; the error is one sentence.
fn start() -> Result<Mutex<Server>, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tools/recalc.py");
    let timeout = START_TIMEOUT_S.to_string();
    let dir = run_dir();
    let shown = format!("/usr/bin/python3 {script} --serve --timeout {timeout}");
    let log = dir.join("recalc-server.log");
    let stderr = std::fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
    let mut child = Command::new("/usr/bin/python3")
        .arg(script)
        .args(["--serve", "--timeout", &timeout, "--remove-at-end"])
        // The driver removes this run's directory when it ends.
        .arg(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|e| format!("LibreOffice for the workbook tests: could not run `{shown}`: {e}"))?;
    let stdin = child.stdin.take().expect("piped stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut line = String::new();
    let _ = stdout.read_line(&mut line);
    let answer: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
    if answer["ready"] == true {
        return Ok(Mutex::new(Server {
            _child: child,
            stdin,
            stdout,
            log,
        }));
    }
    let _ = child.kill();
    let _ = child.wait();
    let why = match answer["error"].as_str() {
        Some(error) => error.to_owned(),
        None => format!("the driver ended without answering ({:?})", line.trim()),
    };
    Err(format!(
        "LibreOffice for the workbook tests did not start: {why}\n(driver: `{shown}`){}",
        log_text(&log)
    ))
}

/// Opens every job's workbook in the shared office, in one request, and
/// returns the cells asked for, in job order.
pub fn evaluate(jobs: &[Job<'_>]) -> Vec<Cells> {
    let server = SERVER
        .get_or_init(start)
        .as_ref()
        .unwrap_or_else(|e| panic!("{e}"));
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = run_dir();
    let paths: Vec<PathBuf> = jobs
        .iter()
        .map(|job| {
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            let path = dir.join(format!("book-{n}.xlsx"));
            std::fs::write(&path, job.bytes).expect("writing a workbook");
            path
        })
        .collect();
    let request: Vec<serde_json::Value> = jobs
        .iter()
        .zip(&paths)
        .map(|(job, path)| {
            serde_json::json!({
                "book": path, "as_opened": job.as_opened, "set": job.sets, "get": job.gets,
            })
        })
        .collect();
    let answer = {
        // A test that panicked elsewhere never holds the lock mid-request.
        let mut s = server.lock().unwrap_or_else(PoisonError::into_inner);
        exchange(&mut s, &serde_json::Value::Array(request))
    };
    for path in &paths {
        let _ = std::fs::remove_file(path);
    }
    let answer = answer.unwrap_or_else(|e| panic!("{e}"));
    let results = answer["results"]
        .as_array()
        .unwrap_or_else(|| panic!("recalc.py: {}", answer["error"]));
    results
        .iter()
        .map(|r| serde_json::from_value(r.clone()).expect("cells by reference"))
        .collect()
}

/// One request line out, one answer line back.
fn exchange(s: &mut Server, request: &serde_json::Value) -> Result<serde_json::Value, String> {
    let died = |s: &Server, what: String| {
        format!("the LibreOffice driver died ({what}){}", log_text(&s.log))
    };
    writeln!(s.stdin, "{request}")
        .and_then(|_| s.stdin.flush())
        .map_err(|e| died(s, e.to_string()))?;
    let mut line = String::new();
    match s.stdout.read_line(&mut line) {
        Ok(0) => Err(died(s, "no answer".to_owned())),
        Ok(_) => serde_json::from_str(&line).map_err(|e| died(s, format!("{e}: {line}"))),
        Err(e) => Err(died(s, e.to_string())),
    }
}
