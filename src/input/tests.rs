use super::*;

#[test]
fn decodes_utf16_with_bom() {
    let mut le = vec![0xFF, 0xFE];
    for u in "Привет".encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(decode(le, Path::new("x")).unwrap(), "Привет");
    let mut be = vec![0xFE, 0xFF];
    for u in "سلام".encode_utf16() {
        be.extend_from_slice(&u.to_be_bytes());
    }
    assert_eq!(decode(be, Path::new("x")).unwrap(), "سلام");
}

#[test]
fn decodes_utf32_with_bom_instead_of_reading_it_as_utf16() {
    // Regression: FF FE 00 00 was taken for UTF-16LE, giving text full of NULs.
    for text in ["Привет, мир", "سلام دنیا 😀", "a"] {
        let mut le = vec![0xFF, 0xFE, 0, 0];
        let mut be = vec![0, 0, 0xFE, 0xFF];
        for c in text.chars() {
            le.extend_from_slice(&(c as u32).to_le_bytes());
            be.extend_from_slice(&(c as u32).to_be_bytes());
        }
        assert_eq!(decode(le.clone(), Path::new("x")).unwrap(), text);
        assert_eq!(decode(be, Path::new("x")).unwrap(), text);
        le.pop();
        let e = decode(le, Path::new("odd.txt")).unwrap_err().to_string();
        assert!(e.starts_with("odd.txt: ") && e.contains("UTF-32"), "{e}");
    }
    let mut bad = vec![0xFF, 0xFE, 0, 0];
    bad.extend_from_slice(&0xD800u32.to_le_bytes());
    let e = decode(bad, Path::new("s.txt")).unwrap_err().to_string();
    assert!(e.contains("invalid UTF-32 at byte 4"), "{e}");
}

#[test]
fn refuses_binary_and_names_the_byte() {
    let e = decode(b"ab\0\xFFcd".to_vec(), Path::new("f.bin")).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
    let e = decode(b"a\0b\0c\0".to_vec(), Path::new("f.bin")).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
    let text = "word ".repeat(100) + "\0 and more";
    assert_eq!(
        decode(text.clone().into_bytes(), Path::new("f.txt")).unwrap(),
        text
    );
    let e = decode(b"\xEF\xBB\xBFab\xC3".to_vec(), Path::new("f.txt")).unwrap_err();
    assert!(e.to_string().contains("byte 5"), "{e}");
}

#[test]
fn decodes_named_encodings_and_refuses_malformed_input() {
    let cp1251 = Encoding::Named(encoding_rs::WINDOWS_1251);
    assert_eq!(
        decode_as(vec![0xCF, 0xF0, 0xE8], Path::new("x"), cp1251).unwrap(),
        "При"
    );
    let latin1: Encoding = "latin1".parse().unwrap();
    assert_eq!(
        decode_as(b"caf\xE9".to_vec(), Path::new("x"), latin1).unwrap(),
        "café"
    );
    let utf16: Encoding = "utf-16le".parse().unwrap();
    assert!(decode_as(vec![0x00, 0xD8], Path::new("x"), utf16).is_err());
}

#[test]
fn expands_directories_sorted_and_recursively() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    for name in ["b.txt", "a.md", "c.json", "sub/d.TXT"] {
        std::fs::write(dir.path().join(name), "x").unwrap();
    }
    let got = expand_inputs(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<String> = got
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.md", "b.txt", "sub/d.TXT"]);
    let pattern = dir.path().join("*.txt");
    assert_eq!(expand_inputs(&[pattern]).unwrap().len(), 1);
    assert!(expand_inputs(&[dir.path().join("*.nothing")]).is_err());
}

fn names(dir: &Path, got: &[PathBuf]) -> Vec<String> {
    got.iter()
        .map(|p| p.strip_prefix(dir).unwrap().to_string_lossy().into_owned())
        .collect()
}

#[cfg(unix)]
#[test]
fn walks_skip_symlinked_directories_and_read_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("a.txt"), "x").unwrap();
    std::fs::write(d.join("sub/b.txt"), "x").unwrap();
    std::os::unix::fs::symlink(".", d.join("loop1")).unwrap();
    std::os::unix::fs::symlink("..", d.join("sub/loop2")).unwrap();
    std::os::unix::fs::symlink("a.txt", d.join("same.txt")).unwrap();
    std::os::unix::fs::symlink("nowhere", d.join("broken.txt")).unwrap();
    let mut warnings = Vec::new();
    let got = expand_inputs_reporting(&[d.to_path_buf()], &mut |w| warnings.push(w)).unwrap();
    assert_eq!(names(d, &got), ["a.txt", "sub/b.txt"]);
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("loop1") && w.contains("not followed"))
    );
    assert!(warnings.iter().any(|w| w.contains("broken.txt")));
    // Globs walk the same way: `**` does not loop either.
    let got = expand_inputs_reporting(&[d.join("**/*.txt")], &mut |_| {}).unwrap();
    assert_eq!(names(d, &got), ["a.txt", "sub/b.txt"]);
    let got = expand_inputs_reporting(&[d.join("*/*.txt")], &mut |_| {}).unwrap();
    assert_eq!(names(d, &got), ["sub/b.txt"]);
}

#[cfg(unix)]
#[test]
fn fifos_inside_directories_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo on a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::fs::write(dir.path().join("real.txt"), "x").unwrap();
    let mut warnings = Vec::new();
    let got =
        expand_inputs_reporting(&[dir.path().to_path_buf()], &mut |w| warnings.push(w)).unwrap();
    assert_eq!(names(dir.path(), &got), ["real.txt"]);
    assert!(
        warnings[0].contains("pipe.txt") && warnings[0].contains("FIFO"),
        "{warnings:?}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn pseudo_file_systems_are_not_walked() {
    assert!(is_pseudo_fs(Path::new("/proc")));
    assert!(is_pseudo_fs(Path::new("/dev")));
    assert!(!is_pseudo_fs(Path::new("/")));
}

#[cfg(unix)]
#[test]
fn reads_are_bounded_and_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, vec![b'a'; 2000]).unwrap();
    let e = read_bytes_limited(&big, 1000).unwrap_err().to_string();
    assert!(e.contains("big.txt") && e.contains("limit"), "{e}");
    assert_eq!(read_bytes_limited(&big, 2000).unwrap().len(), 2000);
    // An endless device stops at the limit.
    let e = read_bytes_limited(Path::new("/dev/zero"), 1 << 20).unwrap_err();
    assert!(e.to_string().contains("/dev/zero"), "{e}");
    let e = read_bytes_limited(dir.path(), 1000).unwrap_err();
    assert!(e.to_string().contains("directory"), "{e}");
}

#[test]
fn a_file_that_changes_while_read_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("f.txt");
    std::fs::write(&f, "0123456789").unwrap();
    let before = std::fs::metadata(&f).unwrap();
    assert!(!changed_while_read(&before, 10, &before));
    // Truncated (or appended to) while read: fewer (more) bytes than its size.
    assert!(changed_while_read(&before, 4, &before));
    assert!(changed_while_read(&before, 12, &before));
    std::fs::write(&f, "01234").unwrap();
    let after = std::fs::metadata(&f).unwrap();
    assert!(changed_while_read(&before, 10, &after));
    // A /proc-style file: size 0, content anyway.
    let empty = dir.path().join("e");
    std::fs::write(&empty, "").unwrap();
    let zero = std::fs::metadata(&empty).unwrap();
    assert!(!changed_while_read(&zero, 100, &zero));
}

#[test]
fn sizes_parse_with_units() {
    assert_eq!(parse_size("1000"), Ok(1000));
    assert_eq!(parse_size("64K"), Ok(64 << 10));
    assert_eq!(parse_size("2 GiB"), Ok(2 << 30));
    assert!(parse_size("lots").is_err());
    assert!(parse_size("99999999999G").is_err());
}

#[test]
fn parses_batch_lines() {
    let p = Path::new("b.jsonl");
    let it = parse_batch_line(r#"{"id": 7, "text": "Hi.", "lang": "en"}"#, p, 1).unwrap();
    assert_eq!(
        (it.id.as_str(), it.documents.len(), it.lang),
        ("7", 1, Some(Lang::EN))
    );
    let it = parse_batch_line(
        r#"{"id": "a", "documents": ["x", "y"], "references": []}"#,
        p,
        2,
    )
    .unwrap();
    assert_eq!(it.documents, vec!["x", "y"]);
    assert!(it.extra.contains_key("references"));
    let e = parse_batch_line(r#"{"text": "x"}"#, p, 3).unwrap_err();
    assert_eq!(e.to_string(), "b.jsonl:3: missing \"id\"");
    let e = parse_batch_line("{oops", p, 4).unwrap_err();
    assert!(
        e.to_string().starts_with("b.jsonl:4: not a JSON object"),
        "{e}"
    );
}
