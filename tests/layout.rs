//! The crate's layout: no two files of `src/` import each other through
//! `crate::` paths. (A module's own `mod.rs` and its children share the
//! module's interface through `super::`, which is not such a circle.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, keyed by its module path (`repl`,
/// `load::sheet`; the crate root is the empty path).
fn modules(root: &Path) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(root).expect("under src");
            let mut parts: Vec<String> = relative
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if parts == ["lib"] || parts == ["main"] {
                parts.clear();
            }
            found.insert(parts.join("::"), path);
        }
    }
    found
}

/// The modules a file's code (its tests left out) names with `crate::`.
fn imports(text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    let mut named = BTreeSet::new();
    let mut paths: Vec<String> = Vec::new();
    for (index, _) in code.match_indices("crate::") {
        let rest = &code[index + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // `use crate::{a, b::c};`
            let group = group.split('}').next().unwrap_or_default();
            paths.extend(group.split(',').map(|item| item.trim().to_string()));
        } else {
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(path);
        }
    }
    for path in paths {
        let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
        // The longest prefix that is a module is the file the path reaches.
        if let Some(module) = (1..=segments.len())
            .rev()
            .map(|n| segments[..n].join("::"))
            .find(|candidate| modules.contains(candidate))
        {
            named.insert(module);
        }
    }
    named
}

#[test]
fn no_two_files_import_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&root);
    let names: BTreeSet<String> = files.keys().cloned().collect();
    assert!(
        names.contains("engine") && names.contains("repl"),
        "{names:?}"
    );
    let edges: BTreeMap<&String, BTreeSet<String>> = files
        .iter()
        .map(|(module, path)| {
            let text = std::fs::read_to_string(path).expect("readable source");
            let mut named = imports(&text, &names);
            named.remove(module);
            (module, named)
        })
        .collect();
    let mut circles = Vec::new();
    for (a, a_imports) in &edges {
        for b in a_imports {
            if a.as_str() < b.as_str()
                && edges.get(b).is_some_and(|b_imports| b_imports.contains(*a))
            {
                circles.push(format!(
                    "{} <-> {}",
                    files[*a].display(),
                    files[b].display()
                ));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "files that import each other: {circles:#?}"
    );
}

#[test]
fn the_import_reader_sees_plain_and_grouped_paths() {
    let modules: BTreeSet<String> = ["engine", "error", "repl", "repl::dot"]
        .iter()
        .map(|m| m.to_string())
        .collect();
    let text = "use crate::{engine::Engine, error::{Error, Result}};\n\
                fn f() { crate::repl::dot::parse(); }\n\
                #[cfg(test)]\nmod tests { use crate::repl::run; }\n";
    let found: Vec<String> = imports(text, &modules).into_iter().collect();
    assert_eq!(found, vec!["engine", "error", "repl::dot"]);
}
