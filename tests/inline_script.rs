//! The escape that lets the single file inline embed.js
//! (scripts/inline-script.sh, the security review's I2): what comes out holds
//! neither `</script` nor `<!--`, which would break the page out of its script
//! element, and means to JavaScript what went in. Native: runs the script with
//! bash, and node (which scripts/setup.sh installs) to run the modules.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A module with both sequences in each place a module allows them: comments,
/// strings, templates and regular expressions, with and without `u`, in upper
/// and lower case.
const TRICKY: &str = r#"// a comment with <!-- and </SCRIPT> in it
/* and <!-- </script> here */
export const values = [
  "</script><script>alert(1)</script>",
  '<!--<script>',
  `<!--${1 + 1}</Script >`,
  /<!--|<\/script/u.test("<!--"),
  /[<]!--/.test("x<!--"),
  "</script".length,
  JSON.stringify({ html: "<!-- -->" }),
];
"#;

/// A fresh file `name` holding `text` in a folder of its own.
fn write_temp(name: &str, text: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "mq-inline-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    let file = dir.join(name);
    fs::write(&file, text).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
    file
}

/// What scripts/inline-script.sh makes of `module`, or what it says when it
/// refuses.
fn escape(module: &str) -> Result<String, String> {
    let source = write_temp("source.mjs", module);
    let output = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/inline-script.sh"))
        .arg(&source)
        .output()
        .expect("run scripts/inline-script.sh");
    if output.status.success() {
        Ok(String::from_utf8(output.stdout).expect("UTF-8 output"))
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// The module's `values` as JSON, computed by node.
fn values(module: &str) -> String {
    let file = write_temp("module.mjs", module);
    let output = Command::new("node")
        .args([
            "--input-type=module",
            "-e",
            "const { values } = await import(process.argv[1]); console.log(JSON.stringify(values));",
        ])
        .arg(&file)
        .output()
        .expect("run node (scripts/setup.sh installs it)");
    assert!(
        output.status.success(),
        "node could not run {}: {}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn escaped_scripts_hold_no_script_end_or_comment_start_and_mean_the_same() {
    let escaped = escape(TRICKY).expect("the module escapes");
    let lower = escaped.to_ascii_lowercase();
    assert!(!lower.contains("</script"), "{escaped}");
    assert!(!lower.contains("<!--"), "{escaped}");
    assert_eq!(values(&escaped), values(TRICKY));
}

#[test]
fn a_module_the_escape_would_break_is_refused() {
    // `<` as an operator before a regular expression: "\x3C" is no operator.
    let refused = escape("export const values = [1 </script/.test(\"a\")];\n");
    let message = refused.expect_err("the escape refuses what it would break");
    assert!(message.contains("no valid module"), "{message}");
}

#[test]
fn a_module_without_either_sequence_is_left_as_it_is() {
    let plain = "export const values = [1 < 2, \"<script>\", \"<!-\"];\n";
    assert_eq!(escape(plain).as_deref(), Ok(plain));
}
