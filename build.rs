//! Generates the table of embedded language resources from `resources/`:
//! `(lang, file name, contents)` for every `resources/<lang>/<name>.txt`,
//! sorted, so that lookups can binary-search and a new file needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read at run time: a build script compiled in another checkout (a
    // copied target/) must still embed this checkout's files.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set");
    let root = Path::new(&manifest).join("resources");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files: Vec<(String, String)> = Vec::new();
    for lang in std::fs::read_dir(&root).expect("resources/ is readable") {
        let lang = lang.expect("resources/ entry");
        println!("cargo:rerun-if-changed={}", lang.path().display());
        if !lang.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(lang.path()).expect("resources/<lang> is readable") {
            let path = file.expect("resource entry").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let code = lang.file_name().to_string_lossy().into_owned();
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                files.push((code, name.unwrap_or_default()));
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// Every embedded resource file: (language, file name, contents), sorted.\n\
         pub(crate) static RESOURCE_FILES: &[(&str, &str, &str)] = &[\n",
    );
    for (lang, name) in &files {
        let path = root.join(lang).join(name);
        writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set")).join("resource_table.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
