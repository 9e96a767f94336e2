//! Which file a request path names, refusing anything that could leave the site: `..` in any
//! spelling (`%2e%2e`, backslashes), absolute and drive paths, NUL bytes. The site is served
//! from memory, so no request ever touches the file system (and no symlink can lead out).

use percent_encoding::percent_decode_str;

/// The output file a request path names, or `None` if the path is refused.
pub fn file_for(path: &str) -> Option<String> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    if decoded.contains(['\0', '\\']) || !decoded.starts_with('/') {
        return None;
    }
    let mut parts = Vec::new();
    if !crate::files::push_path(&mut parts, &decoded) || parts.iter().any(|p| p.contains(':')) {
        return None;
    }
    let joined = parts.join("/");
    Some(if decoded.ends_with('/') || joined.is_empty() { format!("{joined}{}index.html", if joined.is_empty() { "" } else { "/" }) } else { joined })
}

/// Where `/help` redirects to reach the folder `/help/`. The request path is kept as it was
/// sent (still percent-encoded) but with no empty parts, so the address never starts with
/// `//`, which a browser reads as another host (`//evil.example`), not even once it has taken
/// out `.` parts.
pub fn folder_redirect(path: &str) -> String {
    let parts: Vec<&str> = path.split(['/', '\\']).filter(|p| !p.is_empty()).collect();
    format!("/{}/", parts.join("/"))
}

/// The content type of an output file, by extension.
pub fn content_type(file: &str) -> &'static str {
    match file.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_folders_to_index_and_refuses_escapes() {
        assert_eq!(file_for("/").as_deref(), Some("index.html"));
        assert_eq!(file_for("/cy/help/").as_deref(), Some("cy/help/index.html"));
        assert_eq!(file_for("/theme/clearleaf.css?v=1").as_deref(), Some("theme/clearleaf.css"));
        assert_eq!(file_for("/caf%C3%A9/").as_deref(), Some("café/index.html"));
        for bad in ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/a/%2E%2E/%2e%2e/etc/passwd", "/..%2fsite.yaml", "/a\\..\\b", "/%5c..%5cb", "/C:/x", "/a%00b", "relative"] {
            assert_eq!(file_for(bad), None, "{bad}");
        }
    }

    #[test]
    fn redirects_stay_on_the_host() {
        assert_eq!(folder_redirect("/help"), "/help/");
        assert_eq!(folder_redirect("/caf%C3%A9"), "/caf%C3%A9/");
        for sneaky in ["//evil.example", "///evil.example", "/\\evil.example"] {
            assert_eq!(folder_redirect(sneaky), "/evil.example/", "{sneaky}");
        }
        assert_eq!(folder_redirect("/.//evil.example"), "/./evil.example/");
    }

    #[test]
    fn types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("p.svg"), "image/svg+xml");
    }
}
