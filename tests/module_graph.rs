//! The stages form a DAG: no module of `src/` reaches, through `crate::` paths, a module that
//! reaches it back. A cycle would mean two stages can only be understood (and changed) together.
//!
//! The graph is read from the source text, at the level of the top modules (`config`, `load`,
//! `site`, …): every `crate::NAME` outside `#[cfg(test)]` code is an edge to `NAME`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_graph(src: &Path) -> Graph {
    let mut graph = Graph::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src).unwrap();
        let top = rel.iter().next().unwrap().to_string_lossy().trim_end_matches(".rs").to_string();
        // The crate root and the binary declare and use every module: they sit above the graph.
        if top == "lib" || top == "main" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        // Test modules may use any stage to build their inputs.
        let code = text.split("#[cfg(test)]").next().unwrap();
        let edges = graph.entry(top.clone()).or_default();
        for (at, _) in code.match_indices("crate::") {
            // `$crate::` in a macro is the crate root, not an edge.
            if code[..at].ends_with('$') {
                continue;
            }
            let name: String = code[at + "crate::".len()..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && name != top {
                edges.insert(name);
            }
        }
    }
    graph
}

/// One cycle of the graph, as the list of modules around it, if there is any.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(node: &str, graph: &Graph, marks: &mut BTreeMap<String, Mark>, path: &mut Vec<String>) -> Option<Vec<String>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = path.iter().position(|n| n == node).unwrap();
                let mut cycle = path[start..].to_vec();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph.keys().find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

#[test]
fn the_modules_of_src_form_no_cycle() {
    let graph = module_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    // The graph was read: the pipeline's stages are there with their edges.
    assert!(graph["pipeline"].contains("site") && graph["site"].contains("load"), "{graph:?}");
    if let Some(cycle) = find_cycle(&graph) {
        panic!("these modules use each other in a cycle: {}. Move what they share into a module below them.", cycle.join(" -> "));
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let graph: Graph =
        [("config", &["load"][..]), ("load", &["text"]), ("text", &["config"]), ("site", &["config"])].into_iter().map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect())).collect();
    assert_eq!(find_cycle(&graph).unwrap(), ["config", "load", "text", "config"]);
    let mut dag = graph.clone();
    dag.get_mut("text").unwrap().clear();
    assert_eq!(find_cycle(&dag), None);
}
