//! The page from `--ui DIR`: regular files under DIR, never a symlink (at any depth) and never a
//! dotfile or dot-folder, so nothing outside the built page is reachable however the path is
//! spelled. `index.html` is read once at start and served from memory: the Content-Security-Policy
//! hashes exactly the page that is served, even when the file changes afterwards.

use axum::body::Body;
use axum::http::{Method, Response, StatusCode, Uri, header};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A `--ui` folder and the index.html read from it at start.
#[derive(Clone, Debug)]
pub struct UiDir {
    root: PathBuf,
    index: Arc<[u8]>,
}

impl UiDir {
    /// Reads `root/index.html` now.
    pub fn open(root: &Path) -> std::io::Result<Self> {
        Ok(Self {
            root: root.to_owned(),
            index: std::fs::read(root.join("index.html"))?.into(),
        })
    }

    /// A folder whose index.html could not be read: every page path answers the empty page.
    pub fn empty(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            index: Arc::from(&b""[..]),
        }
    }

    /// The index.html that is served (and that the CSP hashes).
    pub fn index_html(&self) -> String {
        String::from_utf8_lossy(&self.index).into_owned()
    }

    /// The file for `path` under the root, if every component is a plain name (no dot first, no
    /// separator, no NUL after percent-decoding) and none on the way is a symlink.
    fn file(&self, path: &str) -> Result<Option<PathBuf>, &'static str> {
        let mut file = self.root.clone();
        for raw in path.split('/').filter(|s| !s.is_empty()) {
            let name =
                percent_decode(raw).ok_or("a path that is not valid percent-encoded UTF-8")?;
            if name.starts_with('.') {
                return Err("a dotfile or dot-folder");
            }
            if name.contains(['/', '\\', '\0']) {
                return Err("an encoded separator");
            }
            file.push(&name);
            match std::fs::symlink_metadata(&file) {
                Ok(meta) if meta.file_type().is_symlink() => return Err("a symlink"),
                Ok(_) => {}
                Err(_) => return Ok(None),
            }
        }
        Ok(std::fs::symlink_metadata(&file)
            .is_ok_and(|m| m.is_file())
            .then_some(file))
    }

    /// Serves `uri`: the file, `index.html` for paths that name nothing (the page routes itself),
    /// 404 for a refused path, 405 for anything but GET and HEAD.
    pub async fn serve(self: Arc<Self>, method: Method, uri: Uri) -> Response<Body> {
        if method != Method::GET && method != Method::HEAD {
            return crate::log::refusal(
                StatusCode::METHOD_NOT_ALLOWED,
                "only GET and HEAD serve the page".into(),
            )
            .map(Body::new);
        }
        let path = uri.path();
        let found = match self.file(path) {
            Err(why) => {
                return crate::log::refusal_logged(
                    StatusCode::NOT_FOUND,
                    "not found",
                    format!("not served: {why}"),
                )
                .map(Body::new);
            }
            Ok(found) => found,
        };
        let (name, bytes) = match found {
            Some(file) if file != self.root.join("index.html") => {
                match tokio::fs::read(&file).await {
                    Ok(bytes) => (file.to_string_lossy().into_owned(), Body::from(bytes)),
                    Err(_) => ("index.html".to_owned(), Body::from(self.index.to_vec())),
                }
            }
            _ => ("index.html".to_owned(), Body::from(self.index.to_vec())),
        };
        Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, crate::embedded::mime(&name))
            .body(bytes)
            .unwrap_or_default()
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_reveals_dots_and_separators() {
        assert_eq!(percent_decode("%2e%2E").as_deref(), Some(".."));
        assert_eq!(percent_decode("a%2Fb").as_deref(), Some("a/b"));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%+1"), None);
        assert_eq!(percent_decode("%c3"), None);
    }
}
