//! `clearleaf serve`: builds the site into memory, serves it on loopback, re-renders what a
//! changed file affects (see `session.rs`) and tells open pages to reload (server-sent events).
//! A failed rebuild keeps the last good site and shows the error on every page; each page
//! lists its findings in a panel.

mod inject;
mod paths;
mod session;

use std::collections::{BTreeSet, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::pipeline;
use crate::report::Report;
use session::Session;

pub use paths::{content_type, file_for, folder_redirect};

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
    /// Each page's own findings, by page URL.
    page_findings: HashMap<String, Vec<Finding>>,
    /// Findings of the site-wide checks, by page URL.
    site_findings: HashMap<String, Vec<Finding>>,
    /// Why the last rebuild failed, if it did.
    error: Option<String>,
    /// Whether any build succeeded yet.
    good: bool,
    /// The PDF leaflets made since the last change, which the next change drops from `files`.
    leaflets: Vec<String>,
    /// Their findings (PDF-*), by page URL, dropped with them.
    leaflet_findings: HashMap<String, Vec<Finding>>,
}

impl Served {
    /// Every finding about the page at `url`.
    fn findings_of(&self, url: &str) -> Vec<&Finding> {
        [&self.page_findings, &self.site_findings, &self.leaflet_findings].iter().filter_map(|m| m.get(url)).flatten().collect()
    }
}

#[derive(Clone)]
struct App {
    served: Arc<RwLock<Served>>,
    reload: broadcast::Sender<&'static str>,
    pending: Arc<Pending>,
}

/// Event: the page changed, reload it.
const RELOAD: &str = "reload";
/// Event: the findings changed, refresh the panel.
const FINDINGS: &str = "findings";

/// Runs the server until Ctrl-C.
pub fn run(mut opts: Options) -> Result<i32> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    if !opts.bind.is_loopback() {
        eprintln!("warning: serving on {addr}, which other computers can reach. Use the default (127.0.0.1) unless you mean to share the preview.");
    }
    // Links must work on the preview's own address, whatever base_url the site has.
    let own: crate::config::BaseUrl = format!("http://{addr}/").parse().map_err(|e: crate::config::BaseUrlError| Error::Internal(format!("the preview's address {e}")))?;
    opts.build.base_url = Some(own);
    opts.build.out = None;
    opts.build.progress = false;
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(|e| Error::Internal(format!("could not start the server: {e}")))?;
    runtime.block_on(serve(opts, addr))
}

async fn serve(opts: Options, addr: SocketAddr) -> Result<i32> {
    let served = Arc::new(RwLock::new(Served::default()));
    let (reload, _) = broadcast::channel(16);
    let builder = Builder { opts: opts.build.clone(), session: None, served: Arc::clone(&served), events: reload.clone() };
    let listener =
        tokio::net::TcpListener::bind(addr).await.map_err(|e| Error::Usage(format!("cannot listen on {addr}: {e}. Is another server using port {}? Choose another with --port.", addr.port())))?;
    // Watched by its full path, so that the changed paths reported compare with the session's.
    let root = opts.build.root.canonicalize().map_err(|e| Error::io(&opts.build.root, e))?;
    let pending = Arc::new(Pending::default());
    watch(&root, builder, Arc::clone(&pending))?;
    let url = format!("http://{addr}/");
    eprintln!("Serving the site at {url} (press Ctrl-C to stop)");
    if opts.open {
        let _ = std::process::Command::new(if cfg!(target_os = "macos") { "open" } else { "xdg-open" }).arg(&url).spawn();
    }
    let app = App { served, reload, pending };
    let router = Router::new().route(inject::EVENTS_PATH, get(events)).fallback(get(file)).with_state(app);
    tokio::select! {
        r = axum::serve(listener, router) => r.map_err(|e| Error::Internal(format!("the server stopped: {e}")))?,
        _ = tokio::signal::ctrl_c() => eprintln!("Stopped."),
    }
    Ok(0)
}

/// Changed files and asked-for leaflets waiting for the builder, and whether changes are
/// waiting.
#[derive(Default)]
struct Pending {
    work: Mutex<Work>,
    /// Set as soon as a change waits: the site-wide checks of an older change stop early.
    waiting: AtomicBool,
    ready: Condvar,
}

/// What the builder has to do.
#[derive(Default)]
struct Work {
    paths: BTreeSet<PathBuf>,
    /// PDF leaflets readers asked for, by output path, with where to send each.
    leaflets: Vec<(String, tokio::sync::oneshot::Sender<Option<Vec<u8>>>)>,
}

/// The server's side of the live preview: builds, takes in changes and tells the pages.
struct Builder {
    opts: pipeline::Options,
    session: Option<Session>,
    served: Arc<RwLock<Served>>,
    events: broadcast::Sender<&'static str>,
}

impl Builder {
    /// Builds the site, then takes each batch of changes as it comes, forever.
    fn run(mut self, pending: &Pending) {
        self.update(None, &pending.waiting);
        loop {
            let (changed, leaflets) = {
                let mut work = pending.work.lock().unwrap_or_else(|e| e.into_inner());
                while work.paths.is_empty() && work.leaflets.is_empty() {
                    work = pending.ready.wait(work).unwrap_or_else(|e| e.into_inner());
                }
                pending.waiting.store(false, Ordering::Relaxed);
                (std::mem::take(&mut work.paths).into_iter().collect::<Vec<_>>(), std::mem::take(&mut work.leaflets))
            };
            // A leaflet is made from the pages as served now, before the changes are taken in.
            for (path, reply) in leaflets {
                let _ = reply.send(self.leaflet(&path));
            }
            if !changed.is_empty() {
                self.update(Some(&changed), &pending.waiting);
            }
        }
    }

    /// The leaflet at `path`, kept among the served files until the next change.
    fn leaflet(&self, path: &str) -> Option<Vec<u8>> {
        let session = self.session.as_ref()?;
        if let Some(made) = self.served.read().unwrap_or_else(|e| e.into_inner()).files.get(path) {
            return Some(made.clone());
        }
        let served = |rel: &str| self.served.read().unwrap_or_else(|e| e.into_inner()).files.get(rel).cloned();
        let asked = session.leaflet(path, &served)?;
        let found = !asked.findings.is_empty();
        {
            let mut s = self.served();
            s.leaflet_findings.insert(asked.url, asked.findings);
            if let Some(pdf) = &asked.pdf {
                s.files.insert(path.to_string(), pdf.clone());
                s.leaflets.push(path.to_string());
            }
        }
        if found {
            // The page's panel, open in another tab, shows them.
            let _ = self.events.send(FINDINGS);
        }
        asked.pdf
    }

    /// Applies changed files (all of them when `None`), serves the result and tells open pages
    /// to reload; then runs the site-wide checks and tells the pages to refresh their panel,
    /// unless `stop` says a newer change is waiting.
    fn update(&mut self, changed: Option<&[PathBuf]>, stop: &AtomicBool) {
        let started = Instant::now();
        let result = match (&mut self.session, changed) {
            (Some(session), Some(changed)) => session.apply(changed),
            _ => Session::start(self.opts.clone()).map(|(session, update)| {
                self.session = Some(session);
                update
            }),
        };
        let update = match result {
            Ok(update) => update,
            Err(e) => {
                eprintln!("{e}");
                self.served().error = Some(e.to_string());
                let _ = self.events.send(RELOAD);
                return;
            }
        };
        let rendered = update.page_findings.len();
        // What a full build replaces is freed after the lock is released (see below).
        let old = {
            let mut s = self.served();
            s.error = None;
            s.good = true;
            // Leaflets are made again when next asked for, from the changed pages.
            for leaflet in std::mem::take(&mut s.leaflets) {
                s.files.remove(&leaflet);
            }
            s.leaflet_findings.clear();
            if update.full {
                Some((std::mem::replace(&mut s.files, update.files), std::mem::replace(&mut s.page_findings, update.page_findings.into_iter().collect())))
            } else {
                s.files.extend(update.files);
                s.page_findings.extend(update.page_findings);
                None
            }
        };
        drop(old);
        let _ = self.events.send(RELOAD);
        eprintln!("Rendered {rendered} pages in {} ms", started.elapsed().as_millis());
        let Some(session) = &self.session else { return };
        let started = Instant::now();
        let served = |rel: &str| self.served.read().unwrap_or_else(|e| e.into_inner()).files.get(rel).cloned();
        let Some(check) = session.check_site(stop, &served) else { return };
        // The old findings are dropped after the lock is released: freeing them takes a while
        // on a large site, and requests would wait.
        let old = {
            let mut s = self.served();
            s.files.extend(check.files);
            std::mem::replace(&mut s.site_findings, check.by_url)
        };
        drop(old);
        let _ = self.events.send(FINDINGS);
        let checked_in = started.elapsed().as_millis();
        let report = {
            let s = self.served.read().unwrap_or_else(|e| e.into_inner());
            Report::new(session.pages(), s.page_findings.values().chain(s.site_findings.values()).flatten().cloned().collect())
        };
        eprintln!("Checked the whole site in {checked_in} ms: {}", report.brief(5));
    }

    fn served(&self) -> std::sync::RwLockWriteGuard<'_, Served> {
        self.served.write().unwrap_or_else(|e| e.into_inner())
    }
}

/// Watches the site's folders and site.yaml; each batch of changes goes to the builder's
/// thread.
fn watch(root: &std::path::Path, builder: Builder, pending: Arc<Pending>) -> Result<()> {
    use notify::RecursiveMode;
    let (tx, rx) = std::sync::mpsc::channel();
    // Short: an edit should show at once; editors' several writes of one save still batch.
    let mut debouncer = notify_debouncer_full::new_debouncer(Duration::from_millis(10), Some(Duration::from_millis(3)), tx).map_err(|e| Error::Internal(format!("cannot watch files: {e}")))?;
    for dir in crate::output::SITE_FOLDERS {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive).map_err(|e| Error::Internal(format!("cannot watch {}: {e}", path.display())))?;
        }
    }
    // A site may have no site.yaml (it then builds with the defaults).
    let site_yaml = root.join(crate::config::FILE);
    if site_yaml.exists() {
        debouncer.watch(&site_yaml, RecursiveMode::NonRecursive).map_err(|e| Error::Internal(format!("cannot watch site.yaml: {e}")))?;
    }
    let waiting = Arc::clone(&pending);
    std::thread::spawn(move || builder.run(&waiting));
    std::thread::spawn(move || {
        let _keep = debouncer;
        for events in rx {
            // Reading files during a rebuild raises access events: only changes count.
            use notify::event::{EventKind, ModifyKind};
            let Ok(events) = events else { continue };
            let changed = events
                .iter()
                .filter(|e| matches!(e.event.kind, EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any)))
                .flat_map(|e| e.event.paths.iter().cloned());
            let mut work = pending.work.lock().unwrap_or_else(|e| e.into_inner());
            work.paths.extend(changed);
            if !work.paths.is_empty() {
                pending.waiting.store(true, Ordering::Relaxed);
                pending.ready.notify_one();
            }
        }
    });
    Ok(())
}

async fn events(State(app): State<App>) -> Sse<impl tokio_stream::Stream<Item = std::result::Result<Event, std::convert::Infallible>>> {
    let stream = BroadcastStream::new(app.reload.subscribe()).filter_map(|e| e.ok()).map(|e| Ok(Event::default().data(e)));
    Sse::new(stream).keep_alive(KeepAlive::default())
}

async fn file(State(app): State<App>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let Some(name) = file_for(&path) else { return not_found(&app) };
    if let Some(answer) = served_file(&app, &path, &name) {
        return answer;
    }
    // A PDF leaflet is typeset when it is first asked for, by the builder's thread.
    let (reply, made) = tokio::sync::oneshot::channel();
    app.pending.work.lock().unwrap_or_else(|e| e.into_inner()).leaflets.push((name, reply));
    app.pending.ready.notify_one();
    match made.await {
        Ok(Some(pdf)) => ([(header::CONTENT_TYPE, "application/pdf"), (header::CACHE_CONTROL, "no-store")], pdf).into_response(),
        _ => not_found(&app),
    }
}

/// The answer to a request for the output file `name` from what is served; `None` for a PDF
/// that is not made yet, which may be a leaflet to typeset.
fn served_file(app: &App, path: &str, name: &str) -> Option<Response> {
    let s = app.served.read().unwrap_or_else(|e| e.into_inner());
    if !s.good {
        return Some(match &s.error {
            Some(error) => html_response(StatusCode::INTERNAL_SERVER_ERROR, inject::error_page(error)),
            // The first build is still running: the page reloads when it is done.
            None => html_response(StatusCode::SERVICE_UNAVAILABLE, inject::building_page()),
        });
    }
    if let Some(bytes) = s.files.get(name) {
        if name.ends_with(".html") {
            let url = if name.ends_with("index.html") { format!("/{}", name.trim_end_matches("index.html")) } else { format!("/{name}") };
            let findings = s.findings_of(&url);
            // The leaflet link's words come without the page count and size: its leaflet is
            // typeset only when asked for.
            let html = crate::leaflet::link::fill(&String::from_utf8_lossy(bytes), None);
            return Some(html_response(StatusCode::OK, inject::page(&html, s.error.as_deref(), &findings)));
        }
        return Some(([(header::CONTENT_TYPE, content_type(name)), (header::CACHE_CONTROL, "no-store")], bytes.clone()).into_response());
    }
    if name.ends_with(".pdf") {
        return None;
    }
    // `/help` for the folder `/help/`.
    if s.files.contains_key(&format!("{name}/index.html")) {
        return Some((StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, folder_redirect(path))]).into_response());
    }
    drop(s);
    Some(not_found(app))
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
