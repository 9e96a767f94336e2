//! Embeds the built-in theme (`themes/default/`) and locales (`locales/`) in the binary, so a
//! site with only site.yaml and content/ builds. The list is generated so that a new template,
//! stylesheet or locale file is embedded without editing code.

use std::fmt::Write;
use std::path::Path;

fn files(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            out.push(p.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn list(name: &str, dir: &str, code: &mut String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    files(&root.join(dir), &mut found);
    writeln!(code, "/// Files under `{dir}/`: (path inside it, contents).\npub static {name}: &[(&str, &[u8])] = &[").unwrap();
    let prefix = format!("{}/{dir}/", root.to_string_lossy().replace('\\', "/"));
    for f in found {
        let rel = f.strip_prefix(&prefix).unwrap_or(&f);
        writeln!(code, "    ({rel:?}, include_bytes!({f:?})),").unwrap();
    }
    writeln!(code, "];").unwrap();
    println!("cargo:rerun-if-changed={dir}");
}

fn main() {
    let mut code = String::new();
    list("THEME_FILES", "themes/default", &mut code);
    list("LOCALE_FILES", "locales", &mut code);
    list("LEXICON_FILES", "lexicon", &mut code);
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin.rs");
    std::fs::write(out, code).unwrap();
}
