//! `clearleaf serve`: builds the site into memory, serves it on loopback, rebuilds when a file
//! changes and tells open pages to reload (server-sent events). A failed rebuild keeps the last
//! good site and shows the error on every page; each page lists its findings in a panel.

mod inject;
mod paths;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;

use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::pipeline;

pub use paths::{content_type, file_for};

/// What to serve and where.
#[derive(Clone, Debug)]
pub struct Options {
    /// Build options (`out` is ignored: the site is kept in memory).
    pub build: pipeline::Options,
    /// Address to listen on (loopback unless asked).
    pub bind: IpAddr,
    /// Port.
    pub port: u16,
    /// Open the site in a browser.
    pub open: bool,
}

/// The site being served.
#[derive(Default)]
struct Served {
    /// The last good build: output path → bytes.
    files: HashMap<String, Vec<u8>>,
    /// Its findings, by page URL.
    findings: HashMap<String, Vec<Finding>>,
    /// Why the last rebuild failed, if it did.
    error: Option<String>,
    /// Whether any build succeeded yet.
    good: bool,
}

#[derive(Clone)]
struct App {
    served: Arc<RwLock<Served>>,
    reload: broadcast::Sender<()>,
}

/// Runs the server until Ctrl-C.
pub fn run(mut opts: Options) -> Result<i32> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    if !opts.bind.is_loopback() {
        eprintln!("warning: serving on {addr}, which other computers can reach. Use the default (127.0.0.1) unless you mean to share the preview.");
    }
    // Links must work on the preview's own address, whatever base_url the site has.
    opts.build.base_url = Some(format!("http://{addr}/"));
    opts.build.out = None;
    opts.build.progress = false;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(|e| Error::Usage(format!("could not start the server: {e}")))?;
    runtime.block_on(serve(opts, addr))
}

async fn serve(opts: Options, addr: SocketAddr) -> Result<i32> {
    let served = Arc::new(RwLock::new(Served::default()));
    let (reload, _) = broadcast::channel(16);
    rebuild(&opts.build, &served);
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}. Is another server using port {}? Choose another with --port.", addr.port())))?;
    watch(opts.build.clone(), Arc::clone(&served), reload.clone())?;
    let url = format!("http://{addr}/");
    eprintln!("Serving the site at {url} (press Ctrl-C to stop)");
    if opts.open {
        let _ = std::process::Command::new(if cfg!(target_os = "macos") { "open" } else { "xdg-open" }).arg(&url).spawn();
    }
    let app = App { served, reload };
    let router = Router::new().route(inject::EVENTS_PATH, get(events)).fallback(get(file)).with_state(app);
    tokio::select! {
        r = axum::serve(listener, router) => r.map_err(|e| Error::Usage(format!("the server stopped: {e}")))?,
        _ = tokio::signal::ctrl_c() => eprintln!("Stopped."),
    }
    Ok(0)
}

/// Builds into memory; on failure keeps the last good site and records the error.
fn rebuild(opts: &pipeline::Options, served: &RwLock<Served>) {
    let started = Instant::now();
    let result = pipeline::build_in_memory(opts);
    let mut s = served.write().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok((files, report)) => {
            let mut findings: HashMap<String, Vec<Finding>> = HashMap::new();
            for f in report.findings {
                findings.entry(f.url.clone().unwrap_or_default()).or_default().push(f);
            }
            *s = Served { files, findings, error: None, good: true };
            eprintln!("Built {} pages in {} ms ({} errors, {} warnings)", report.pages, started.elapsed().as_millis(), s.findings.values().flatten().filter(|f| f.severity == crate::Severity::Error).count(), s.findings.values().flatten().filter(|f| f.severity == crate::Severity::Warning).count());
        }
        Err(e) => {
            eprintln!("{e}");
            s.error = Some(e.to_string());
        }
    }
}

/// Watches the site's folders and site.yaml; rebuilds and signals a reload after each change.
fn watch(opts: pipeline::Options, served: Arc<RwLock<Served>>, reload: broadcast::Sender<()>) -> Result<()> {
    use notify::RecursiveMode;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(Duration::from_millis(50), None, tx).map_err(|e| Error::Usage(format!("cannot watch files: {e}")))?;
    let root = &opts.root;
    for dir in ["content", "themes", "locales", "static", "lexicon"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive).map_err(|e| Error::Usage(format!("cannot watch {}: {e}", path.display())))?;
        }
    }
    debouncer.watch(root.join(crate::config::FILE), RecursiveMode::NonRecursive).map_err(|e| Error::Usage(format!("cannot watch site.yaml: {e}")))?;
    std::thread::spawn(move || {
        let _keep = debouncer;
        for events in rx {
            // Reading files during a rebuild raises access events: only changes count.
            use notify::event::{EventKind, ModifyKind};
            let changed = events.is_ok_and(|ev| ev.iter().any(|e| matches!(e.event.kind, EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any))));
            if changed {
                rebuild(&opts, &served);
                let _ = reload.send(());
            }
        }
    });
    Ok(())
}

async fn events(State(app): State<App>) -> Sse<impl tokio_stream::Stream<Item = std::result::Result<Event, std::convert::Infallible>>> {
    let stream = BroadcastStream::new(app.reload.subscribe()).map(|_| Ok(Event::default().data("reload")));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn file(State(app): State<App>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let Some(name) = file_for(&path) else { return not_found(&app) };
    let s = app.served.read().unwrap_or_else(|e| e.into_inner());
    if !s.good {
        return html_response(StatusCode::INTERNAL_SERVER_ERROR, inject::error_page(s.error.as_deref().unwrap_or("")));
    }
    if let Some(bytes) = s.files.get(&name) {
        if name.ends_with(".html") {
            let url = if name.ends_with("index.html") { format!("/{}", name.trim_end_matches("index.html")) } else { format!("/{name}") };
            let findings: Vec<&Finding> = s.findings.get(&url).map(|v| v.iter().collect()).unwrap_or_default();
            return html_response(StatusCode::OK, inject::page(&String::from_utf8_lossy(bytes), s.error.as_deref(), &findings));
        }
        return ([(header::CONTENT_TYPE, content_type(&name)), (header::CACHE_CONTROL, "no-store")], bytes.clone()).into_response();
    }
    // `/help` for the folder `/help/`.
    if s.files.contains_key(&format!("{name}/index.html")) {
        return (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, format!("{path}/"))]).into_response();
    }
    drop(s);
    not_found(&app)
}

fn not_found(app: &App) -> Response {
    let s = app.served.read().unwrap_or_else(|e| e.into_inner());
    match s.files.get("404.html") {
        Some(page) => html_response(StatusCode::NOT_FOUND, inject::page(&String::from_utf8_lossy(page), s.error.as_deref(), &[])),
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

fn html_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body).into_response()
}
