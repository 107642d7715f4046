//! Keeps the documentation in step with the code: the configuration
//! reference embeds `config/default.toml`, and the README, the man page and
//! `--help` list the same exit codes.

use std::path::Path;

const BEGIN: &str = "<!-- default.toml begin -->\n```toml\n";
const END: &str = "```\n<!-- default.toml end -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn configuration_reference_embeds_default_toml() {
    let defaults = std::fs::read_to_string(root().join("config/default.toml")).unwrap();
    let doc_path = root().join("docs/configuration.md");
    let doc = std::fs::read_to_string(&doc_path).unwrap();
    let start = doc.find(BEGIN).expect("begin marker") + BEGIN.len();
    let end = doc.find(END).expect("end marker");
    let embedded = &doc[start..end];
    if embedded != defaults {
        if std::env::var_os("BRIEF_UPDATE_DOCS").is_some() {
            let updated = format!("{}{}{}", &doc[..start], defaults, &doc[end..]);
            std::fs::write(&doc_path, updated).unwrap();
            return;
        }
        panic!(
            "docs/configuration.md is out of step with config/default.toml; \
             run BRIEF_UPDATE_DOCS=1 cargo test --test docs_in_step"
        );
    }
}

#[test]
fn exit_codes_are_documented_everywhere() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let help = assert_cmd::Command::cargo_bin("brief")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    let man = assert_cmd::Command::cargo_bin("brief")
        .unwrap()
        .arg("man")
        .output()
        .unwrap();
    let man = String::from_utf8(man.stdout).unwrap();
    for (code, words) in [
        ("0", "success"),
        ("1", "problems were found in the data"),
        ("2", "usage, configuration, input or output error"),
        (
            "129, 130, 143",
            "interrupted by SIGHUP, SIGINT or SIGTERM while writing files",
        ),
    ] {
        assert!(
            readme.contains(&format!("| {code} |")),
            "README lacks exit code {code}"
        );
        assert!(readme.contains(words), "README lacks {words:?}");
        assert!(
            help.contains(&format!("  {code}  ")),
            "--help lacks exit code {code}"
        );
        assert!(help.contains(words), "--help lacks {words:?}");
        assert!(man.contains(words), "man page lacks {words:?}");
    }
}
