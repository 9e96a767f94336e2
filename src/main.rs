//! The `clearleaf` command: parses the command line, runs a subcommand, turns the outcome into
//! an exit status (0 built, 1 error findings, 2 invalid input or usage).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use clearleaf::cmd;
use clearleaf::config::BaseUrl;
use clearleaf::pipeline::Options;
use clearleaf::report::Format;

/// mimalloc instead of the system allocator: see the note in Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "clearleaf", version, about = "Builds accessible, Easy-read and multilingual static sites, and checks them.", args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (the default).
    Build(BuildArgs),
    /// Run every check without writing anything.
    Check(CheckArgs),
    /// Preview the site: build into memory, serve it, rebuild and reload on every change.
    Serve {
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Address to listen on (other than loopback only when you mean to share the preview).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Include pages with `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// The date to check review dates against (YYYY-MM-DD).
        #[arg(long)]
        today: Option<jiff::civil::Date>,
    },
    /// Run the page-level accessibility rules on any HTML files.
    Audit {
        /// HTML files to audit.
        files: Vec<PathBuf>,
        /// How to print findings.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Create a new site that builds at once.
    Init {
        /// Folder for the new site (default: the current folder).
        dir: Option<PathBuf>,
    },
    /// Show which translations and Easy read versions are current, outdated or missing.
    Status {
        /// The site folder (with site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Only this language.
        #[arg(long)]
        lang: Option<String>,
        /// How to print the status: text, json, or html (a one-page report to forward or print).
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::status::StatusFormat,
        /// Write the status to this file instead of printing it.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Record that translations or Easy read versions match their source now (sets source_hash).
    Stamp {
        /// Translation or Easy read files, like content/help/out-of-hours.cy.md.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write the pages of one language that need translating as one PO or XLIFF file for translators.
    Export {
        /// The site folder (with site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The language to translate into, like cy.
        #[arg(long)]
        lang: String,
        /// Standard pages, Easy read pages, or both.
        #[arg(long, value_enum, default_value = "standard")]
        form: clearleaf::translate::export::Forms,
        /// Which pages: missing translations, outdated ones, or all (current ones give context).
        #[arg(long, value_enum, default_value = "all")]
        only: clearleaf::translate::export::Only,
        /// XLIFF 1.2 or gettext PO.
        #[arg(long, value_enum, default_value = "xliff")]
        format: clearleaf::translate::Format,
        /// Write to this file (default: standard output).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Write translators' PO or XLIFF files back into the site's translation pages, and stamp them.
    Import {
        /// The site folder (with site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// PO or XLIFF files made by `clearleaf export` and filled in by translators.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List every rule: ID, severity, scope, WCAG success criteria, W3C ACT rules and summary.
    Rules {
        /// How to print the list.
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::rules::RulesFormat,
    },
    /// Explain a rule, with an example of a fix (the help line of a finding names the command).
    Explain {
        /// The rule's ID, like A11Y-IMG-NAME.
        rule: String,
    },
}

#[derive(Args, Clone)]
struct CommonArgs {
    /// The site folder (with site.yaml and content/).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// How to print findings.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Fail on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Include pages with `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// The date to check review dates against (YYYY-MM-DD); also CLEARLEAF_TODAY or SOURCE_DATE_EPOCH.
    #[arg(long)]
    today: Option<jiff::civil::Date>,
    /// Number of threads (default: one per core; at most 4 per core, as more only add memory).
    #[arg(long)]
    jobs: Option<usize>,
}

#[derive(Args, Clone)]
struct BuildArgs {
    #[command(flatten)]
    common: CommonArgs,
    /// The output folder (default: public in the site folder).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Overrides base_url from site.yaml: an https:// or http:// address, or a path like /resources/.
    #[arg(long)]
    base_url: Option<BaseUrl>,
    /// Write HTML as rendered, without minifying.
    #[arg(long)]
    no_minify: bool,
    /// Where to keep typeset PDF leaflets between builds (default: clearleaf/ in the user's cache folder).
    #[arg(long, conflicts_with = "no_cache")]
    cache: Option<PathBuf>,
    /// Typeset every PDF leaflet again, and keep none.
    #[arg(long)]
    no_cache: bool,
}

#[derive(Args, Clone)]
struct CheckArgs {
    #[command(flatten)]
    common: CommonArgs,
}

fn options(c: &CommonArgs, out: Option<PathBuf>, base_url: Option<BaseUrl>, minify: bool) -> Result<Options, clearleaf::Error> {
    thread_pool(c.jobs);
    let today = clearleaf::today::resolve(c.today).map_err(clearleaf::Error::Usage)?;
    Ok(Options { root: c.root.clone(), out, base_url, drafts: c.drafts, minify, today, deny_warnings: c.deny_warnings, progress: true, pdf_cache: None })
}

/// Threads per core that `--jobs` may ask for. Rendering is CPU work, so more threads than
/// cores gain nothing, and each costs memory: `--jobs 10000` once ran over 2 minutes in 2 GB.
const MAX_JOBS_PER_CORE: usize = 4;

/// The threads to use for `--jobs asked` on a machine with `cores` cores.
fn jobs_allowed(asked: usize, cores: usize) -> usize {
    asked.clamp(1, cores.max(1) * MAX_JOBS_PER_CORE)
}

/// Rendering threads get stacks for the deepest page the limits allow: the minifier and the
/// checks recurse once per level of nesting.
fn thread_pool(jobs: Option<usize>) {
    let mut b = rayon::ThreadPoolBuilder::new().stack_size(clearleaf::limits::STACK_SIZE);
    if let Some(asked) = jobs {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let jobs = jobs_allowed(asked, cores);
        if jobs < asked {
            eprintln!("note: --jobs {asked} is more than {MAX_JOBS_PER_CORE} threads for each of this computer's {cores} cores; using {jobs}.");
        }
        b = b.num_threads(jobs);
    }
    // Ignore the error if a pool already exists (it cannot in this process).
    let _ = b.build_global();
}

fn run(cli: Cli) -> Result<i32, clearleaf::Error> {
    match cli.command {
        None => build(cli.build),
        Some(Command::Build(b)) => build(b),
        Some(Command::Check(c)) => {
            let opts = options(&c.common, None, None, true)?;
            cmd::build::run(&opts, c.common.format)
        }
        Some(Command::Serve { root, bind, port, open, drafts, today }) => {
            thread_pool(None);
            let today = clearleaf::today::resolve(today).map_err(clearleaf::Error::Usage)?;
            let pdf_cache = pdf_cache(&root, None, false);
            let build = Options { root, out: None, base_url: None, drafts, minify: false, today, deny_warnings: false, progress: false, pdf_cache };
            clearleaf::serve::run(clearleaf::serve::Options { build, bind, port, open })
        }
        Some(Command::Audit { files, format }) => cmd::audit::run(&files, format),
        Some(Command::Init { dir }) => cmd::init::run(&dir.unwrap_or_else(|| PathBuf::from("."))),
        Some(Command::Status { root, lang, format, output }) => {
            let today = clearleaf::today::resolve(None).map_err(clearleaf::Error::Usage)?;
            cmd::status::run(&root, lang.as_deref(), format, output.as_deref(), today)
        }
        Some(Command::Stamp { files }) => cmd::stamp::run(&files),
        Some(Command::Export { root, lang, form, only, format, output }) => {
            let today = clearleaf::today::resolve(None).map_err(clearleaf::Error::Usage)?;
            clearleaf::translate::export::run(&clearleaf::translate::export::Options { root, lang, forms: form, only, format, out: output, today })
        }
        Some(Command::Import { root, files }) => {
            let today = clearleaf::today::resolve(None).map_err(clearleaf::Error::Usage)?;
            clearleaf::translate::import::run(&root, &files, today)
        }
        Some(Command::Rules { format }) => cmd::rules::run(format),
        Some(Command::Explain { rule }) => cmd::rules::explain(&rule),
    }
}

fn build(b: BuildArgs) -> Result<i32, clearleaf::Error> {
    let out = cmd::build::out_dir(&b.common.root, b.out);
    let mut opts = options(&b.common, Some(out), b.base_url, !b.no_minify)?;
    opts.pdf_cache = pdf_cache(&b.common.root, b.cache, b.no_cache);
    cmd::build::run(&opts, b.common.format)
}

/// Where `build` keeps PDF leaflets: `--cache`, else the user's cache folder; none with
/// `--no-cache` or in a clearleaf built without PDF leaflets.
fn pdf_cache(root: &std::path::Path, asked: Option<PathBuf>, off: bool) -> Option<PathBuf> {
    if off || !cfg!(feature = "pdf") {
        return None;
    }
    #[cfg(feature = "pdf")]
    return asked.or_else(|| clearleaf::output::artefacts::pdf::default_cache_dir(root));
    #[cfg(not(feature = "pdf"))]
    {
        let _ = (root, asked);
        None
    }
}

/// The report format asked for on the command line (for reporting invalid input in it).
fn format_asked() -> Option<Format> {
    let args: Vec<String> = std::env::args().collect();
    let i = args.iter().position(|a| a == "--format")?;
    match args.get(i + 1).map(String::as_str) {
        Some("github") => Some(Format::Github),
        Some("json") => Some(Format::Json),
        _ => None,
    }
}

fn main() -> ExitCode {
    // The background deletion of an old site after a swap (see output::Staging::commit).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.len() == 3 && args[1] == clearleaf::output::REMOVE_OLD_COMMAND {
        return match clearleaf::output::remove_old(std::path::Path::new(&args[2])) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        };
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        Err(e) => {
            eprintln!("{e}");
            match (format_asked(), &e) {
                (Some(Format::Github), clearleaf::Error::Input(all)) => {
                    for d in all {
                        let at = d.line.map(|l| format!(",line={l}")).unwrap_or_default() + &d.column.map(|c| format!(",col={c}")).unwrap_or_default();
                        println!("::error file={}{at}::{} {}", d.file, d.message, d.hint.as_deref().unwrap_or(""));
                    }
                }
                // CI reads stdout: it gets the same JSON document, with the problems as
                // INPUT-INVALID errors and no pages.
                (Some(Format::Json), clearleaf::Error::Input(all)) => {
                    let _ = clearleaf::report::Report::invalid_input(all).print(Format::Json);
                }
                _ => {}
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_capped_at_a_few_per_core() {
        assert_eq!(jobs_allowed(10_000, 2), 8);
        assert_eq!(jobs_allowed(3, 2), 3);
        assert_eq!(jobs_allowed(0, 2), 1);
        assert_eq!(jobs_allowed(5, 0), 4);
    }
}
