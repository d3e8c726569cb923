//! The crate's layout: no files of `src/` import each other in a circle of
//! any length through `crate::` paths. (A module's own `mod.rs` and its
//! children share the module's interface through `super::`, which is not
//! such a circle.)

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

/// Each file's module and the other modules its code names.
fn import_graph(files: &BTreeMap<String, PathBuf>) -> Graph {
    let names: BTreeSet<String> = files.keys().cloned().collect();
    files
        .iter()
        .map(|(module, path)| {
            let text = std::fs::read_to_string(path).expect("readable source");
            let mut named = imports(&text, &names);
            named.remove(module);
            (module.clone(), named)
        })
        .collect()
}

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Where a depth-first walk stands with a module.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Visit {
    /// On the path being walked: reaching it again closes a circle.
    Open,
    /// Walked to its end; no circle runs through it back to the path.
    Closed,
}

/// The circles of `graph`, each as its modules in import order with the
/// first repeated at the end (`a -> b -> c -> a`). Every graph with a
/// circle yields at least one; a circle is reported once, from the module
/// where the walk first closed it.
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    let mut visits: BTreeMap<&str, Visit> = BTreeMap::new();
    let mut found = Vec::new();
    for start in graph.keys() {
        if visits.contains_key(start.as_str()) {
            continue;
        }
        // The path from `start`, each module with the imports still to walk.
        let mut path: Vec<(&str, Vec<&str>)> = vec![(start, pending(graph, start))];
        visits.insert(start, Visit::Open);
        while let Some((module, next)) = path.last_mut() {
            let Some(target) = next.pop() else {
                visits.insert(module, Visit::Closed);
                path.pop();
                continue;
            };
            match visits.get(target) {
                Some(Visit::Closed) => {}
                Some(Visit::Open) => {
                    let from = path
                        .iter()
                        .position(|(m, _)| *m == target)
                        .expect("an open module is on the path");
                    let mut circle: Vec<String> =
                        path[from..].iter().map(|(m, _)| m.to_string()).collect();
                    circle.push(target.to_string());
                    found.push(circle);
                }
                None => {
                    visits.insert(target, Visit::Open);
                    path.push((target, pending(graph, target)));
                }
            }
        }
    }
    found
}

/// A module's imports in reverse order, so that popping walks them in order.
fn pending<'a>(graph: &'a Graph, module: &str) -> Vec<&'a str> {
    graph
        .get(module)
        .map(|imports| imports.iter().rev().map(String::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = modules(&root);
    assert!(
        files.contains_key("engine") && files.contains_key("repl"),
        "{:?}",
        files.keys()
    );
    let graph = import_graph(&files);
    let report: Vec<String> = circles(&graph)
        .iter()
        .map(|circle| {
            circle
                .iter()
                .map(|module| {
                    let path = &files[module];
                    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
                        .unwrap_or(path)
                        .display()
                        .to_string()
                })
                .collect::<Vec<_>>()
                .join(" -> ")
        })
        .collect();
    assert!(
        report.is_empty(),
        "files that import each other in a circle: {report:#?}"
    );
}

/// The face decides what to run and where results go; the rooms below it
/// (and the engine and writers below the jobs beside the runner) must not
/// reach back up, or a newcomer cannot read them without it (see
/// the layers in `src/lib.rs`).
#[test]
fn the_runner_the_engine_and_the_writers_do_not_import_the_layers_above() {
    const FACE: &[&str] = &["cli", "cli_run", "session", "repl", "commands"];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = import_graph(&modules(&root));
    let room = |module: &str| module.split("::").next().unwrap_or_default().to_string();
    let mut reaching_up = Vec::new();
    for (module, imports) in &graph {
        let above: Vec<&str> = match room(module).as_str() {
            "runner" => FACE.to_vec(),
            "load" | "generate" | "report" | "claims" => {
                FACE.iter().copied().chain(["runner"]).collect()
            }
            // The engine and the writers, under the jobs beside the runner.
            "engine" | "open" | "library" | "hints" | "render" | "sheets" => FACE
                .iter()
                .copied()
                .chain(["runner", "load", "generate", "report", "claims"])
                .collect(),
            _ => continue,
        };
        for import in imports {
            if above.contains(&room(import).as_str()) {
                reaching_up.push(format!("{module} -> {import}"));
            }
        }
    }
    assert!(
        graph.keys().any(|module| module.starts_with("runner::"))
            && graph.contains_key("report")
            && graph.contains_key("claims"),
        "the runner's room is src/runner/, the report's src/report/, the claims' src/claims.rs"
    );
    assert!(
        reaching_up.is_empty(),
        "imports from a layer above: {reaching_up:#?}"
    );
}

#[test]
fn the_circle_finder_finds_a_circle_of_three_and_not_a_chain() {
    let graph = |edges: &[(&str, &str)]| -> Graph {
        let mut graph = Graph::new();
        for (from, to) in edges {
            graph
                .entry(from.to_string())
                .or_default()
                .insert(to.to_string());
            graph.entry(to.to_string()).or_default();
        }
        graph
    };
    let circle = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]);
    assert_eq!(circles(&circle), vec![vec!["a", "b", "c", "a"]]);
    // Entered from the middle, the circle is still named in import order.
    let entered_late = graph(&[("a", "c"), ("c", "d"), ("d", "e"), ("e", "c")]);
    assert_eq!(circles(&entered_late), vec![vec!["c", "d", "e", "c"]]);
    let chain = graph(&[("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")]);
    assert!(circles(&chain).is_empty());
    let pair = graph(&[("a", "b"), ("b", "a")]);
    assert_eq!(circles(&pair), vec![vec!["a", "b", "a"]]);
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
